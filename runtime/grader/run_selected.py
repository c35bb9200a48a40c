"""Run chosen test paths with our sentinels: `python -I /grader/run_selected.py SPEC_JSON`.

Used by the debugging and write-the-tests packs, which run a suite several times on different
code (hidden fail-to-pass tests, the restored suite, the candidate's suite on mutants). The spec
(a JSON file the grader writes) says:
  nonce, results        as in run_pytest.py: the results file carries the run's nonce
  paths                 test files or folders (project-relative, or absolute mounts)
  conftest              whether the project's conftest.py files load (the candidate's own
                        fixtures); false for hidden tests, which need none
  coverage              Python packages to measure line and branch coverage of, or []
Results: collected ids, outcomes, the last line of each failure, and coverage totals. An id
is "<path>::<Class>::<test>", the path project-relative when the file is in the project.
"""

import json
import os
import sys

sys.path.insert(0, "/grader")
from project_setup import PROJECT, use_project  # noqa: E402

import pytest  # noqa: E402

SENTINELS = "/grader/sentinels/test_shortlist_sentinels.py"


def test_id(item):
    path = str(item.path)
    prefix = str(PROJECT) + os.sep
    shown = path[len(prefix):] if path.startswith(prefix) else path
    return f"{shown}::{item.getmodpath().replace('.', '::')}"


class Recorder:
    def __init__(self):
        self.collected = []
        self.sentinels = []
        self.outcomes = {}
        self.failures = {}
        self.ids = {}

    def pytest_collection_modifyitems(self, items):
        for item in items:
            self.ids[item.nodeid] = test_id(item)
        self.collected = [self.ids[item.nodeid] for item in items]
        self.sentinels = [self.ids[i.nodeid] for i in items if str(i.path) == SENTINELS]

    def pytest_runtest_logreport(self, report):
        key = self.ids.get(report.nodeid, report.nodeid)
        if report.when == "call" or report.outcome != "passed":
            previous = self.outcomes.get(key)
            if previous in (None, "passed"):
                self.outcomes[key] = report.outcome if report.when == "call" else "error"
                if report.outcome == "failed":
                    text = str(getattr(report.longrepr, "reprcrash", None) or report.longrepr)
                    self.failures[key] = text.strip().splitlines()[-1][:300] if text else ""


def coverage_totals(cov):
    report_path = "/tmp/shortlist-coverage.json"
    cov.json_report(outfile=report_path, ignore_errors=True)
    with open(report_path, encoding="utf-8") as handle:
        totals = json.load(handle)["totals"]
    return {
        "lines": {"covered": totals["covered_lines"], "total": totals["num_statements"]},
        "branches": {"covered": totals["covered_branches"], "total": totals["num_branches"]},
    }


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        spec = json.load(handle)
    settings = use_project()
    cov = None
    if spec.get("coverage"):
        import coverage

        cov = coverage.Coverage(
            branch=True,
            data_file=None,
            source=[str(PROJECT / name) for name in spec["coverage"]],
            omit=["*/tests/*", "*/migrations/*", "*/tests.py", "*/test_*.py", "*/conftest.py"],
        )
        cov.start()
    recorder = Recorder()
    args = ["-q", "-c", "/grader/pytest.ini", "--rootdir", str(PROJECT), "-p", "no:cacheprovider"]
    if not spec.get("conftest"):
        args.append("--noconftest")
    args += ["-p", "pytest_django.plugin", "--ds", settings, SENTINELS, *spec["paths"]]
    exit_code = pytest.main(args, plugins=[recorder])
    totals = None
    if cov is not None:
        cov.stop()
        totals = coverage_totals(cov)
    sys.stdout.flush()
    sys.stderr.flush()
    with open(spec["results"], "w", encoding="utf-8") as results:
        json.dump(
            {
                "nonce": spec["nonce"],
                "exitCode": int(exit_code),
                "collected": recorder.collected,
                "sentinels": recorder.sentinels,
                "outcomes": recorder.outcomes,
                "failures": recorder.failures,
                "coverage": totals,
            },
            results,
        )
    os._exit(0)


main()
