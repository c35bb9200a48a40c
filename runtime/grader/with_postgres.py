"""`python -I /grader/with_postgres.py /grader/<helper>.py ARGS`: run a grader helper on PostgreSQL.

For packs whose manifest says `database: postgres`. The helper picks the project's settings
through project_setup.use_project(); this wraps it so every step runs with
shortlist_postgres_settings instead, which takes the candidate's settings and points the
database at the grading cluster's socket (mounted at /sandbox/pg) with the role and database
the grader passes in SHORTLIST_PG_* variables.
"""

import os
import runpy
import sys

sys.path.insert(0, "/grader")
import project_setup  # noqa: E402

_use_project = project_setup.use_project


def use_postgres():
    chosen = _use_project()
    os.environ.setdefault("SHORTLIST_CANDIDATE_SETTINGS", chosen)
    os.environ["DJANGO_SETTINGS_MODULE"] = "shortlist_postgres_settings"
    if "/grader" not in sys.path:
        sys.path.append("/grader")
    return "shortlist_postgres_settings"


project_setup.use_project = use_postgres
helper = sys.argv[1]
sys.argv = sys.argv[1:]
runpy.run_path(helper, run_name="__main__")
