"""`python -I /grader/check_migrations.py OUT`: which of the project's models lack migrations.

`makemigrations --check` alone is fooled by Django's defaults: an app with no migrations
package is "unmigrated" and silently skipped, and a crash exits 1 like "changes found". This
asks Django's autodetector directly, for every app of the project (its code inside the
project dir), as if each app label had been named on the command line, and writes JSON:
{"apps": {label: [operation, ...]}, "unmigrated": [label, ...]}. A crash is a traceback on
stderr and no file.
"""

import json
import sys

sys.path.insert(0, "/grader")
from project_setup import PROJECT, use_project  # noqa: E402

use_project()

import django  # noqa: E402

django.setup()

from django.apps import apps  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.migrations.autodetector import MigrationAutodetector  # noqa: E402
from django.db.migrations.loader import MigrationLoader  # noqa: E402
from django.db.migrations.questioner import NonInteractiveMigrationQuestioner  # noqa: E402
from django.db.migrations.state import ProjectState  # noqa: E402


def own_apps():
    root = str(PROJECT.resolve())
    labels = []
    for config in apps.get_app_configs():
        if str(config.path).startswith(root) and list(config.get_models()):
            labels.append(config.label)
    return labels


def main():
    out = sys.argv[1]
    labels = own_apps()
    loader = MigrationLoader(connection, ignore_no_migrations=True)
    questioner = NonInteractiveMigrationQuestioner(specified_apps=set(labels), dry_run=True)
    autodetector = MigrationAutodetector(
        loader.project_state(), ProjectState.from_apps(apps), questioner
    )
    changes = autodetector.changes(
        graph=loader.graph, trim_to_apps=set(labels) or None, convert_apps=set(labels) or None
    )
    missing = {
        label: [operation.describe() for migration in migrations for operation in migration.operations]
        for label, migrations in changes.items()
        if label in labels
    }
    with open(out, "w", encoding="utf-8") as handle:
        json.dump({"apps": missing, "unmigrated": sorted(set(labels) & loader.unmigrated_apps)}, handle)


main()
