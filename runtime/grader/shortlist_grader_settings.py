"""The settings every grading step runs with: the candidate's, with the grading machine's choices.

Whatever database the candidate configured (SQLite, PostgreSQL from the environment, MySQL),
grading decides it, so a project grades the same whichever it names:
- packs on SQLite (the manifest's `database: sqlite`): one SQLite file in the project dir;
- packs on PostgreSQL (`database: postgres`): the grading cluster's unix socket, mounted at
  /sandbox/pg, with the role, password and databases the grader passes in SHORTLIST_PG_*. The
  same settings serve migrations, the candidate's own tests and the server.
DEBUG is off (a server error is captured from logging by serve_unix.py, never as Django's debug
page); hosts, caches and e-mail are local.
"""

import importlib
import os

_candidate = importlib.import_module(os.environ["SHORTLIST_CANDIDATE_SETTINGS"])
globals().update({name: value for name, value in vars(_candidate).items() if name.isupper()})

_aliases = list(getattr(_candidate, "DATABASES", None) or {"default": {}})
if "default" not in _aliases:
    _aliases.insert(0, "default")


def _postgres(alias):
    database = {
        "ENGINE": "django.db.backends.postgresql",
        "HOST": "/sandbox/pg",
        "NAME": os.environ["SHORTLIST_PG_DATABASE"],
        "USER": os.environ["SHORTLIST_PG_USER"],
        "PASSWORD": os.environ["SHORTLIST_PG_PASSWORD"],
        # A new connection per request, so the per-database settings the grader changes apply.
        "CONN_MAX_AGE": 0,
        # The role may not create databases; the grader made this one for the candidate's tests.
        "TEST": {"NAME": os.environ["SHORTLIST_PG_TEST_DATABASE"]},
    }
    if alias != "default":
        # One grading database: other aliases are the same one, and tests mirror default.
        database["TEST"] = {"MIRROR": "default"}
    return database


def _sqlite(alias):
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ["SHORTLIST_GRADING_DB"] + ("" if alias == "default" else f".{alias}"),
        "TEST": {"NAME": None},
    }


_database = _postgres if os.environ.get("SHORTLIST_PG_DATABASE") else _sqlite
DATABASES = {alias: _database(alias) for alias in _aliases}
DEBUG = False
DEBUG_PROPAGATE_EXCEPTIONS = False
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "testserver"]
SECURE_SSL_REDIRECT = False
SECURE_PROXY_SSL_HEADER = None
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
