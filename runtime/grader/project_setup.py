"""Shared by the grader's helpers: put the candidate project on sys.path and pick the settings.

The helpers run as `python -I /grader/<helper>.py` with the project as cwd. -I keeps the
project dir (and any sitecustomize.py or usercustomize it ships) off sys.path while Python
starts; the project is added only afterwards, explicitly.

Every step runs with the grader's settings module (shortlist_grader_settings), which imports
the candidate's settings and overrides what the grading machine decides: the database, DEBUG,
ALLOWED_HOSTS, caches and e-mail. The environment variables settings commonly read get safe
values first, so a project that reads them (decouple, environ, os.environ[...]) starts here.
"""

import os
import re
import sys
from pathlib import Path

PROJECT = Path.cwd()
GRADING_DB = str(PROJECT / ".shortlist-grading.sqlite3")

SAFE_ENV = {
    "SECRET_KEY": "shortlist-grading-only-not-a-secret-0123456789abcdefghijklmnopqrstuvwxyz",
    "DJANGO_SECRET_KEY": "shortlist-grading-only-not-a-secret-0123456789abcdefghijklmnopqrstuvwxyz",
    "DEBUG": "False",
    "DJANGO_DEBUG": "False",
    "ALLOWED_HOSTS": "localhost,127.0.0.1,testserver",
    "DJANGO_ALLOWED_HOSTS": "localhost,127.0.0.1,testserver",
    "DATABASE_URL": f"sqlite:///{GRADING_DB}",
    "POSTGRES_DB": "grading",
    "POSTGRES_USER": "grading",
    "POSTGRES_PASSWORD": "grading",
    "POSTGRES_HOST": "localhost",
    "POSTGRES_PORT": "5432",
    "DB_NAME": "grading",
    "DB_USER": "grading",
    "DB_PASSWORD": "grading",
    "DB_HOST": "localhost",
    "DB_PORT": "5432",
    "CORS_ALLOWED_ORIGINS": "http://localhost",
}


def candidate_settings_module():
    text = (PROJECT / "manage.py").read_text(encoding="utf-8", errors="replace")
    match = re.search(r"DJANGO_SETTINGS_MODULE['\"]\s*,\s*['\"]([\w.]+)['\"]", text)
    return match.group(1) if match else "config.settings"


def use_project():
    """Returns the settings module every step runs with (the grader's)."""
    for name, value in SAFE_ENV.items():
        os.environ.setdefault(name, value)
    os.environ["SHORTLIST_CANDIDATE_SETTINGS"] = candidate_settings_module()
    os.environ["SHORTLIST_GRADING_DB"] = GRADING_DB
    os.environ["DJANGO_SETTINGS_MODULE"] = "shortlist_grader_settings"
    sys.path.insert(0, str(PROJECT))
    if "/grader" not in sys.path:
        sys.path.append("/grader")
    return os.environ["DJANGO_SETTINGS_MODULE"]
