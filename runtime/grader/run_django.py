"""`python -I /grader/run_django.py migrate` — Django's manage.py, without the candidate's manage.py.

The candidate's manage.py could exit 0 whatever happens; this calls Django's own command line.
"""

import sys

sys.path.insert(0, "/grader")
from project_setup import use_project  # noqa: E402

use_project()

from django.core.management import execute_from_command_line  # noqa: E402

execute_from_command_line(["manage.py", *sys.argv[1:]])
