"""The settings every grading step runs with: the candidate's, with the grading machine's choices.

Whatever database the candidate configured (SQLite, PostgreSQL from the environment, MySQL),
grading uses one SQLite file in the project dir, so a project that points at PostgreSQL grades
exactly like the same project on SQLite. DEBUG is off (a server error is captured from logging
by serve_unix.py, never as Django's debug page); hosts, caches and e-mail are local.
"""

import importlib
import os

_candidate = importlib.import_module(os.environ["SHORTLIST_CANDIDATE_SETTINGS"])
globals().update({name: value for name, value in vars(_candidate).items() if name.isupper()})

_aliases = list(getattr(_candidate, "DATABASES", None) or {"default": {}})
if "default" not in _aliases:
    _aliases.insert(0, "default")
DATABASES = {
    alias: {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ["SHORTLIST_GRADING_DB"] + ("" if alias == "default" else f".{alias}"),
        "TEST": {"NAME": None},
    }
    for alias in _aliases
}
DEBUG = False
DEBUG_PROPAGATE_EXCEPTIONS = False
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "testserver"]
SECURE_SSL_REDIRECT = False
SECURE_PROXY_SSL_HEADER = None
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
