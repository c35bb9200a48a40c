"""Run the candidate's tests with our sentinels: `python -I /grader/run_pytest.py NONCE RESULTS`.

Both styles run as written: Django TestCase classes (`manage.py test` style) and plain pytest
functions with pytest-django, the candidate's conftest.py fixtures included. What the grader
trusts, and why:
- the candidate's pytest.ini/pyproject/setup.cfg and entry-point plugins are not loaded (-c
  our ini, PYTEST_DISABLE_PLUGIN_AUTOLOAD set by the grader; the plugins of the environment
  are named explicitly); -I keeps any sitecustomize.py of theirs from loading, and the venv
  (where .pth files act) is read-only. conftest.py files run, and the integrity scan reads
  them first: a hook that touches reporting, outcomes or collection marks the grading tampered.
- the results file carries the per-run nonce and the collected ids, and is written only after
  pytest returns: a test that calls os._exit() leaves no file, or an incomplete one.
- sentinel tests that must fail and must pass run in the same session; if candidate code
  patches pytest or unittest reporting, the sentinels come out wrong and the grader says so.
  They are kept out of the progress line and the failure list the hiring team reads.
"""

import json
import os
import sys

sys.path.insert(0, "/grader")
from project_setup import PROJECT, use_project  # noqa: E402

import pytest  # noqa: E402

SENTINELS = "/grader/sentinels/"


def failure_message(report):
    crash = getattr(report.longrepr, "reprcrash", None)
    if crash is not None and getattr(crash, "message", ""):
        return str(crash.message)
    lines = str(report.longrepr or "").strip().splitlines()
    return lines[-1] if lines else ""


class Recorder:
    def __init__(self):
        self.collected = []
        self.sentinels = []
        self.outcomes = {}
        self.messages = {}

    def pytest_collection_modifyitems(self, items):
        self.collected = [item.nodeid for item in items]
        # Outside the rootdir, the sentinels' node ids lose their file name; go by path.
        self.sentinels = [item.nodeid for item in items if str(item.path).startswith(SENTINELS)]

    @pytest.hookimpl(tryfirst=True)
    def pytest_report_teststatus(self, report, config):
        if report.nodeid in self.sentinels and report.when == "call":
            return "grader sentinel", "", ""
        return None

    def pytest_runtest_logreport(self, report):
        if report.when == "call" or report.outcome != "passed":
            previous = self.outcomes.get(report.nodeid)
            if previous in (None, "passed"):
                outcome = report.outcome if report.when == "call" else "error"
                self.outcomes[report.nodeid] = outcome
                if outcome in ("failed", "error") and report.nodeid not in self.sentinels:
                    self.messages[report.nodeid] = failure_message(report)[:500]


def main():
    nonce, results_path = sys.argv[1], sys.argv[2]
    settings = use_project()
    recorder = Recorder()
    exit_code = pytest.main(
        [
            "-q",
            "-c",
            "/grader/pytest.ini",
            "--rootdir",
            str(PROJECT),
            "-p",
            "no:cacheprovider",
            "-p",
            "pytest_django.plugin",
            "-p",
            "pytest_mock",
            "-p",
            "faker.contrib.pytest.plugin",
            "--ds",
            settings,
            str(PROJECT),
            SENTINELS + "test_shortlist_sentinels.py",
        ],
        plugins=[recorder],
    )
    with open(results_path, "w", encoding="utf-8") as results:
        json.dump(
            {
                "nonce": nonce,
                "exitCode": int(exit_code),
                "collected": recorder.collected,
                "sentinels": recorder.sentinels,
                "outcomes": recorder.outcomes,
                "messages": recorder.messages,
            },
            results,
        )
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


main()
