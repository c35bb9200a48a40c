"""`python -I /grader/python_tokens.py OUT [STARTER_DIR]`: normalised tokens of a project's Python.

The first half of similarity fingerprinting (the hashing and winnowing are in
src/grader/similarity/winnow.ts). Runs none of the candidate's code: Python's own `tokenize`
reads each .py file as text. It still runs in the sandbox like every step that reads a
submission, so a file built to upset the tokenizer can cost only this step.

Normalised: every identifier becomes "V", every number "0", every string "S" (f-strings
included), keywords and operators stay as written; comments, blank lines, indentation,
newlines and docstrings (a statement that is only a string) are dropped. So renaming
variables, reformatting or rewording comments leaves the stream as it was.

Writes JSON: {"project": [file, ...], "starter": [file, ...]} with
file = {"path": "tasks/views.py", "tokens": ["def", "V", "(", ...], "starts": [line, ...],
"ends": [line, ...]}. Migrations are left out: Django writes them, so two honest candidates
with the same models would share them.
"""

import io
import json
import keyword
import os
import sys
import tokenize
from pathlib import Path

SKIPPED_DIRS = {
    ".git",
    "__pycache__",
    "node_modules",
    "venv",
    ".venv",
    "env",
    ".tox",
    "site-packages",
    "migrations",
}
MAX_FILE_BYTES = 512 * 1024
MAX_TOKENS = 400_000
DROPPED = {
    tokenize.COMMENT,
    tokenize.NL,
    tokenize.NEWLINE,
    tokenize.INDENT,
    tokenize.DEDENT,
    tokenize.ENCODING,
    tokenize.ENDMARKER,
}
# Where a statement starts: a string token here that the statement's NEWLINE ends is a docstring.
STATEMENT_START = {tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT, tokenize.ENCODING, None}


def python_files(root):
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIPPED_DIRS)
        for name in sorted(filenames):
            path = Path(dirpath) / name
            if name.endswith(".py") and path.is_file() and not path.is_symlink():
                yield path


def raw_tokens(source):
    """Tokens up to the first tokenize error: a file that does not parse still counts so far."""
    found = []
    try:
        for token in tokenize.tokenize(io.BytesIO(source).readline):
            found.append(token)
    except (tokenize.TokenError, SyntaxError, UnicodeDecodeError):
        pass
    return found


def normalise(tokens):
    symbols, starts, ends = [], [], []
    previous = None  # type of the last token that was not a comment or NL
    index = 0
    while index < len(tokens):
        token = tokens[index]
        kind = token.type
        if kind == tokenize.STRING and previous in STATEMENT_START:
            # A run of strings that is a whole statement (docstring, or a bare string): skip it.
            after = index
            while after < len(tokens) and tokens[after].type in (
                tokenize.STRING,
                tokenize.NL,
                tokenize.COMMENT,
            ):
                after += 1
            if after >= len(tokens) or tokens[after].type in (tokenize.NEWLINE, tokenize.ENDMARKER):
                index = after
                continue
        if kind not in (tokenize.COMMENT, tokenize.NL):
            previous = kind
        index += 1
        if kind in DROPPED:
            continue
        if kind == tokenize.NAME:
            symbol = token.string if keyword.iskeyword(token.string) else "V"
        elif kind == tokenize.NUMBER:
            symbol = "0"
        elif kind == tokenize.STRING:
            symbol = "S"
        elif kind == tokenize.OP:
            symbol = token.string
        else:
            # ERRORTOKEN and friends: keep their kind, never their text.
            symbol = tokenize.tok_name.get(kind, "?")
        symbols.append(symbol)
        starts.append(token.start[0])
        ends.append(token.end[0])
    return symbols, starts, ends


def tokenise_tree(root, budget):
    files = []
    for path in python_files(root):
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                continue
            source = path.read_bytes()
        except OSError:
            continue
        symbols, starts, ends = normalise(raw_tokens(source))
        if not symbols:
            continue
        if len(symbols) > budget[0]:
            break
        budget[0] -= len(symbols)
        files.append(
            {
                "path": path.relative_to(root).as_posix(),
                "tokens": symbols,
                "starts": starts,
                "ends": ends,
            }
        )
    return files


def main():
    out = Path(sys.argv[1])
    starter = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    budget = [MAX_TOKENS]
    result = {
        "project": tokenise_tree(Path.cwd(), budget),
        "starter": tokenise_tree(starter, [MAX_TOKENS]) if starter else [],
    }
    out.write_text(json.dumps(result, separators=(",", ":")))


if __name__ == "__main__":
    main()
