"""The candidate's settings with the grading PostgreSQL as the database (see with_postgres.py)."""

import importlib
import os

_candidate = importlib.import_module(os.environ["SHORTLIST_CANDIDATE_SETTINGS"])
globals().update({name: value for name, value in vars(_candidate).items() if name.isupper()})

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "HOST": "/sandbox/pg",
        "NAME": os.environ["SHORTLIST_PG_DATABASE"],
        "USER": os.environ["SHORTLIST_PG_USER"],
        "PASSWORD": os.environ["SHORTLIST_PG_PASSWORD"],
        # A new connection per request, so per-database settings the grader changes apply.
        "CONN_MAX_AGE": 0,
        # The role may not create databases; the grader made this one for the candidate's tests.
        "TEST": {"NAME": os.environ["SHORTLIST_PG_TEST_DATABASE"]},
    }
}
DEBUG = False
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "testserver"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
