"""`python -I /grader/scan_imports.py OUT`: modules the project needs that this environment lacks.

Runs before any candidate code, and runs none of it: the project's .py files are parsed with
ast, never imported. A module counts as needed when it is imported outside a
`try: ... except ImportError` block, or named as an app, middleware or backend in settings
(Django imports those itself). It is missing when it is neither the project's own (a folder or
.py file of that name anywhere in the project), the standard library, nor installed. The
project's requirements.txt is read as well: what it asks for beyond the environment is listed.
Writes JSON: {"missing": {module: ["file:line", ...]}, "outsideRequirements": [name, ...]}.
"""

import ast
import importlib.metadata
import importlib.util
import json
import os
import re
import sys
from pathlib import Path

PROJECT = Path.cwd()
SKIPPED_DIRS = {".git", "__pycache__", "node_modules", "venv", ".venv", "env", ".tox", "site-packages"}
SETTING_LISTS = re.compile(r"(^|_)(APPS|MIDDLEWARE|BACKENDS|CLASSES|AUTHENTICATION_BACKENDS)$")
DOTTED = re.compile(r"^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$")
IMPORT_ERRORS = {"ImportError", "ModuleNotFoundError", "Exception", "BaseException"}


def python_files():
    for dirpath, dirnames, filenames in os.walk(PROJECT):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIPPED_DIRS)
        for name in sorted(filenames):
            if name.endswith(".py"):
                yield Path(dirpath) / name


def own_names():
    names = set()
    for dirpath, dirnames, filenames in os.walk(PROJECT):
        dirnames[:] = [d for d in dirnames if d not in SKIPPED_DIRS]
        names.update(dirnames)
        names.update(name[:-3] for name in filenames if name.endswith(".py"))
    return names


def guarded(handlers):
    for handler in handlers:
        kinds = handler.type
        if kinds is None:
            return True
        for kind in kinds.elts if isinstance(kinds, ast.Tuple) else [kinds]:
            if isinstance(kind, ast.Name) and kind.id in IMPORT_ERRORS:
                return True
            if isinstance(kind, ast.Attribute) and kind.attr in IMPORT_ERRORS:
                return True
    return False


class Collector(ast.NodeVisitor):
    def __init__(self):
        self.found = []  # (module, line)
        self.optional = 0

    def visit_Try(self, node):
        optional = guarded(node.handlers)
        self.optional += optional
        for child in node.body:
            self.visit(child)
        self.optional -= optional
        for child in node.handlers + node.orelse + node.finalbody:
            self.visit(child)

    visit_TryStar = visit_Try

    def visit_Import(self, node):
        if not self.optional:
            self.found.extend((alias.name.split(".")[0], node.lineno) for alias in node.names)

    def visit_ImportFrom(self, node):
        if not self.optional and node.level == 0 and node.module:
            self.found.append((node.module.split(".")[0], node.lineno))

    def settings_strings(self, names, value):
        if any(SETTING_LISTS.search(name) for name in names) or "REST_FRAMEWORK" in names:
            for child in ast.walk(value):
                if isinstance(child, ast.Constant) and isinstance(child.value, str):
                    if DOTTED.match(child.value) and not child.value.isupper():
                        self.found.append((child.value.split(".")[0], child.lineno))

    def visit_Assign(self, node):
        self.settings_strings([t.id for t in node.targets if isinstance(t, ast.Name)], node.value)
        self.generic_visit(node)

    def visit_AugAssign(self, node):
        if isinstance(node.target, ast.Name):
            self.settings_strings([node.target.id], node.value)
        self.generic_visit(node)

    def visit_Call(self, node):
        # INSTALLED_APPS.append("x"), MIDDLEWARE.insert(0, "y"), ....extend([...])
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in ("append", "insert", "extend"):
            if isinstance(func.value, ast.Name):
                for argument in node.args:
                    self.settings_strings([func.value.id], argument)
        self.generic_visit(node)


def installed(module):
    if module in sys.stdlib_module_names or module in sys.builtin_module_names:
        return True
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def normalise(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def requirements_outside():
    file = PROJECT / "requirements.txt"
    if not file.is_file():
        return []
    have = {normalise(dist.metadata["Name"]) for dist in importlib.metadata.distributions()}
    outside = []
    for raw in file.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith("-"):
            continue
        match = re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)", line)
        if match and normalise(match.group(1)) not in have:
            outside.append(match.group(1))
    return sorted(set(outside))[:50]


def main():
    own = own_names()
    missing = {}
    for file in python_files():
        try:
            tree = ast.parse(file.read_bytes(), filename=str(file))
        except (SyntaxError, ValueError):
            continue  # the steps that run the code report it, with its line
        collector = Collector()
        collector.visit(tree)
        relative = file.relative_to(PROJECT).as_posix()
        for module, line in collector.found:
            if module in own or installed(module):
                continue
            missing.setdefault(module, []).append(f"{relative}:{line}")
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        json.dump(
            {"missing": {name: places[:5] for name, places in sorted(missing.items())[:50]},
             "outsideRequirements": requirements_outside()},
            out,
        )


main()
