"""Shared by the grader's helpers: put the candidate project on sys.path and pick its settings.

The helpers run as `python -I /grader/<helper>.py` with the project as cwd. -I keeps the
project dir (and any sitecustomize.py or usercustomize it ships) off sys.path while Python
starts; the project is added only afterwards, explicitly.
"""

import os
import re
import sys
from pathlib import Path

PROJECT = Path.cwd()


def use_project():
    text = (PROJECT / "manage.py").read_text(encoding="utf-8", errors="replace")
    match = re.search(r"DJANGO_SETTINGS_MODULE['\"]\s*,\s*['\"]([\w.]+)['\"]", text)
    os.environ["DJANGO_SETTINGS_MODULE"] = match.group(1) if match else "config.settings"
    sys.path.insert(0, str(PROJECT))
    return os.environ["DJANGO_SETTINGS_MODULE"]
