"""Run the candidate's tests with our sentinels: `python -I /grader/run_pytest.py NONCE RESULTS`.

What the grader trusts, and why:
- candidate conftest.py files, pytest.ini/pyproject/setup.cfg and entry-point plugins are
  ignored (--noconftest, -c our ini, PYTEST_DISABLE_PLUGIN_AUTOLOAD set by the grader); -I
  keeps any sitecustomize.py of theirs from loading, and the venv (where .pth files act) is
  read-only.
- the results file carries the per-run nonce and the collected ids, and is written only after
  pytest returns: a test that calls os._exit() leaves no file, or an incomplete one.
- sentinel tests that must fail and must pass run in the same session; if candidate code
  patches pytest or unittest reporting, the sentinels come out wrong and the grader says so.
"""

import json
import os
import sys

sys.path.insert(0, "/grader")
from project_setup import PROJECT, use_project  # noqa: E402

import pytest  # noqa: E402


class Recorder:
    def __init__(self):
        self.collected = []
        self.sentinels = []
        self.outcomes = {}

    def pytest_collection_modifyitems(self, items):
        self.collected = [item.nodeid for item in items]
        # Outside the rootdir, the sentinels' node ids lose their file name; go by path.
        self.sentinels = [item.nodeid for item in items if str(item.path).startswith("/grader/")]

    def pytest_runtest_logreport(self, report):
        if report.when == "call" or report.outcome != "passed":
            previous = self.outcomes.get(report.nodeid)
            if previous in (None, "passed"):
                self.outcomes[report.nodeid] = report.outcome if report.when == "call" else "error"


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
            "--noconftest",
            "-p",
            "no:cacheprovider",
            "-p",
            "pytest_django.plugin",
            "--ds",
            settings,
            str(PROJECT),
            "/grader/sentinels/test_shortlist_sentinels.py",
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
            },
            results,
        )
    os._exit(0)


main()
