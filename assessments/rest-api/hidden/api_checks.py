"""Hidden HTTP checks for the rest-api pack.

Run by the grader in its own sandbox (not the candidate's): it sees only this folder and the
unix socket the candidate's server listens on, never the candidate's files, so nothing the
candidate wrote can alter these results. Usage:

    python -I api_checks.py SOCKET NONCE USERS_JSON

Prints one JSON document: {"nonce", "planned": [names], "checks": [{group, name, passed, message}]}.
Checks run in a fixed order with fixed data, so a submission grades the same every time.
"""

import html
import http.client
import json
import re
import socket
import sys

TIMEOUT_SECONDS = 5
MAX_BODY = 64 * 1024
ERROR_HEADER = "x-shortlist-server-error"


class ServerGone(Exception):
    pass


class Blocked(Exception):
    """The check could not run because an earlier step failed; `step` names it."""

    def __init__(self, step, message):
        super().__init__(message)
        self.step = step


class Response:
    def __init__(self, method, path, sent, status, text, server_error):
        self.method, self.path, self.sent, self.status, self.text = method, path, sent, status, text
        self.server_error = server_error
        try:
            self.json = json.loads(text)
        except ValueError:
            self.json = None

    def describe(self):
        sent = ""
        if self.sent is not None:
            sent = f" with {self.sent}" if isinstance(self.sent, str) else f" with {json.dumps(self.sent)}"
        if self.status >= 500 and self.server_error:
            return f"{self.method} {self.path}{sent} → {self.status} server error: {self.server_error}"
        body = self.text if len(self.text) <= 300 else self.text[:300] + "…"
        title = re.search(r"<title>\s*(.*?)\s*</title>", self.text, re.S | re.I)
        if title:
            body = f"(HTML page: {html.unescape(title.group(1))[:200]})"
        elif self.json is None and "<" in self.text[:200]:
            body = "(an HTML page)"
        return f"{self.method} {self.path}{sent} → {self.status} {body.strip() or '(empty body)'}"


def as_dict(value):
    return value if isinstance(value, dict) else {}


def items_of(response):
    """The tasks in a list answer: a bare list or a paginated object, so one bug costs one group."""
    value = response.json
    if isinstance(value, dict):
        value = value.get("results")
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def count_of(response):
    value = as_dict(response.json).get("count")
    return value if isinstance(value, int) else len(items_of(response))


class Client:
    def __init__(self, socket_path):
        self.socket_path = socket_path
        self.timeouts = 0
        self.gone = None
        self.last = None

    def request(self, method, path, body=None, token=None, raw=None):
        if self.gone is not None:
            raise Blocked("the server", f"the server stopped answering earlier ({self.gone})")
        if raw is not None:
            payload = raw.encode()
        else:
            payload = b"" if body is None else json.dumps(body).encode()
        lines = [f"{method} {path} HTTP/1.1", "Host: localhost", "Accept: application/json", "Connection: close"]
        if body is not None or raw is not None:
            lines.append("Content-Type: application/json")
        if token is not None:
            lines.append(f"Authorization: {token}")
        lines.append(f"Content-Length: {len(payload)}")
        # One sendall for head and body: a server that answers without reading the body (a 404
        # for a POST) must not be able to close the socket halfway through our request.
        request = ("\r\n".join(lines) + "\r\n\r\n").encode() + payload
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(TIMEOUT_SECONDS)
        try:
            sock.connect(self.socket_path)
            sock.sendall(request)
            response = http.client.HTTPResponse(sock)
            response.begin()
            text = response.read(MAX_BODY).decode("utf-8", errors="replace")
            self.last = Response(method, path, raw if raw is not None else body, response.status, text,
                                 response.getheader(ERROR_HEADER))
            return self.last
        except socket.timeout:
            self.timeouts += 1
            message = f"{method} {path} got no answer within {TIMEOUT_SECONDS} s"
            if self.timeouts >= 2:
                self.gone = message
            raise ServerGone(message)
        except (OSError, http.client.HTTPException) as error:
            self.gone = f"{method} {path} failed: the server closed the connection"
            raise ServerGone(f"{self.gone} ({type(error).__name__})")
        finally:
            sock.close()


class CheckFailed(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise CheckFailed(message)


def expect_status(response, status, what=""):
    expect(
        response.status == status,
        f"{what + ': ' if what else ''}expected {status}, got {response.describe()}",
    )


def expect_no_server_error(response, allowed, what):
    expect(
        response.status < 500,
        f"{what}: bad input must not cause a server error; got {response.describe()}",
    )
    expect(response.status in allowed, f"{what}: expected one of {sorted(allowed)}, got {response.describe()}")


TASK_FIELDS = {"id", "title", "description", "done", "due_date", "created_at"}
CHECKS = []


def check(group, name):
    def register(function):
        CHECKS.append((group, name, function))
        return function

    return register


class Context:
    def __init__(self, client, users):
        self.client = client
        self.users = users
        self.tokens = {}
        self.scheme = "Token"

    def login(self, username, password):
        """(response, Authorization header or None): DRF's {"token"} or SimpleJWT's {"access"}."""
        response = self.client.request("POST", "/api/auth/token/", {"username": username, "password": password})
        answer = as_dict(response.json)
        if response.status == 200 and isinstance(answer.get("token"), str) and answer["token"]:
            self.scheme = "Token"
            return response, f"Token {answer['token']}"
        if response.status == 200 and isinstance(answer.get("access"), str) and answer["access"]:
            self.scheme = "Bearer"
            return response, f"Bearer {answer['access']}"
        return response, None

    def token(self, username):
        if username not in self.tokens:
            response, header = self.login(username, self.users[username])
            if header is None:
                raise Blocked("sign-in", f"could not sign in as {username}: {response.describe()}")
            self.tokens[username] = header
        return self.tokens[username]

    def call(self, username, method, path, body=None, raw=None):
        return self.client.request(method, path, body, self.token(username), raw=raw)

    def create(self, username, body):
        response = self.call(username, "POST", "/api/tasks/", body)
        expect_status(response, 201, "creating a task")
        expect(isinstance(response.json, dict) and "id" in response.json, f"no id in {response.describe()}")
        return response.json


# --- auth -----------------------------------------------------------------------------------


@check("auth", "valid credentials return a token")
def _(ctx):
    response, header = ctx.login("alice", ctx.users["alice"])
    expect_status(response, 200)
    expect(
        header is not None,
        f'expected {{"token": "..."}} (or SimpleJWT\'s {{"access": "..."}}), got {response.describe()}',
    )


@check("auth", "wrong password is rejected with 400")
def _(ctx):
    response = ctx.client.request(
        "POST", "/api/auth/token/", {"username": "alice", "password": "not-the-password"}
    )
    # SimpleJWT answers 401 by design; both say "no" without a server error.
    expect(
        response.status in (400, 401),
        f"expected 400 (or SimpleJWT's 401), got {response.describe()}",
    )


@check("auth", "listing tasks without a token is 401")
def _(ctx):
    expect_status(ctx.client.request("GET", "/api/tasks/"), 401)


@check("auth", "creating a task without a token is 401")
def _(ctx):
    expect_status(ctx.client.request("POST", "/api/tasks/", {"title": "Sneaky"}), 401)


@check("auth", "an invalid token is 401")
def _(ctx):
    expect_status(ctx.client.request("GET", "/api/tasks/", token=f"{ctx.scheme} {'0' * 40}"), 401)


# --- crud -----------------------------------------------------------------------------------


@check("crud", "create returns 201 with the task")
def _(ctx):
    body = {"title": "Write report", "description": "Q3 numbers", "due_date": "2030-01-15"}
    response = ctx.call("alice", "POST", "/api/tasks/", body)
    expect_status(response, 201)
    task = response.json
    expect(isinstance(task, dict), f"expected a JSON object, got {response.describe()}")
    expect(
        set(task) == TASK_FIELDS,
        f"expected exactly the fields {sorted(TASK_FIELDS)}, got {response.describe()}",
    )
    expect(
        (task["title"], task["description"], task["due_date"], task["done"])
        == ("Write report", "Q3 numbers", "2030-01-15", False),
        f"the task does not echo what was sent: {response.describe()}",
    )


@check("crud", "retrieve returns the task")
def _(ctx):
    task = ctx.create("alice", {"title": "Read me"})
    response = ctx.call("alice", "GET", f"/api/tasks/{task['id']}/")
    expect_status(response, 200)
    expect(response.json == task, f"expected {json.dumps(task)}, got {response.describe()}")


@check("crud", "PUT replaces the task")
def _(ctx):
    task = ctx.create("alice", {"title": "Draft", "description": "old", "due_date": "2030-02-01"})
    body = {"title": "Final", "description": "", "done": True, "due_date": None}
    response = ctx.call("alice", "PUT", f"/api/tasks/{task['id']}/", body)
    expect_status(response, 200)
    got = as_dict(response.json)
    expect(
        all(got.get(key) == value for key, value in body.items()),
        f"expected the task to become {json.dumps(body)}, got {response.describe()}",
    )


@check("crud", "PATCH updates only the given fields")
def _(ctx):
    task = ctx.create("alice", {"title": "Patch me", "description": "keep"})
    response = ctx.call("alice", "PATCH", f"/api/tasks/{task['id']}/", {"done": True})
    expect_status(response, 200)
    got = as_dict(response.json)
    expect(
        got.get("done") is True and got.get("title") == "Patch me" and got.get("description") == "keep",
        f"expected done=true with title and description unchanged, got {response.describe()}",
    )


@check("crud", "DELETE returns 204 and the task is gone")
def _(ctx):
    task = ctx.create("alice", {"title": "Delete me"})
    expect_status(ctx.call("alice", "DELETE", f"/api/tasks/{task['id']}/"), 204)
    expect_status(ctx.call("alice", "GET", f"/api/tasks/{task['id']}/"), 404, "after deleting")


@check("crud", "a task that does not exist is 404")
def _(ctx):
    expect_status(ctx.call("alice", "GET", "/api/tasks/987654/"), 404)


# --- validation -----------------------------------------------------------------------------


def expect_field_error(ctx, body, field):
    response = ctx.call("alice", "POST", "/api/tasks/", body)
    expect_status(response, 400)
    expect(
        field in as_dict(response.json),
        f"expected an error for the field '{field}', got {response.describe()}",
    )


@check("validation", "missing title is 400 with an error for title")
def _(ctx):
    expect_field_error(ctx, {"description": "no title"}, "title")


@check("validation", "empty title is 400")
def _(ctx):
    expect_field_error(ctx, {"title": ""}, "title")


@check("validation", "title over 200 characters is 400, 200 is fine")
def _(ctx):
    expect_field_error(ctx, {"title": "x" * 201}, "title")
    expect_status(ctx.call("alice", "POST", "/api/tasks/", {"title": "y" * 200}), 201, "a 200-character title")


@check("validation", "due_date must be YYYY-MM-DD")
def _(ctx):
    expect_field_error(ctx, {"title": "Bad date", "due_date": "15/01/2030"}, "due_date")


@check("validation", "done must be a boolean")
def _(ctx):
    expect_field_error(ctx, {"title": "Bad done", "done": "maybe"}, "done")


@check("validation", "malformed JSON is 400, not a server error")
def _(ctx):
    response = ctx.call("alice", "POST", "/api/tasks/", raw='{"title": "unfinished')
    expect_no_server_error(response, {400}, "a body that is not valid JSON")


@check("validation", "defaults: description empty, done false, due_date null")
def _(ctx):
    task = ctx.create("alice", {"title": "Defaults"})
    expect(
        (task.get("description"), task.get("done"), task.get("due_date")) == ("", False, None),
        f'expected description "", done false, due_date null; got {json.dumps(task)}',
    )


@check("validation", "created_at is set by the server")
def _(ctx):
    task = ctx.create("alice", {"title": "Backdated", "created_at": "2000-01-01T00:00:00Z"})
    created = task.get("created_at")
    expect(
        isinstance(created, str) and not created.startswith("2000-01-01"),
        f"a client-sent created_at was accepted: {json.dumps(task)}",
    )


# --- isolation ------------------------------------------------------------------------------


@check("isolation", "another user's task is 404 to read")
def _(ctx):
    task = ctx.create("alice", {"title": "Alice private"})
    expect_status(ctx.call("bob", "GET", f"/api/tasks/{task['id']}/"), 404, "bob reading alice's task")


@check("isolation", "another user's task cannot be changed")
def _(ctx):
    task = ctx.create("alice", {"title": "Alice keeps"})
    expect_status(
        ctx.call("bob", "PATCH", f"/api/tasks/{task['id']}/", {"title": "Bob was here"}),
        404,
        "bob patching alice's task",
    )
    expect_status(
        ctx.call("bob", "PUT", f"/api/tasks/{task['id']}/", {"title": "Bob was here"}),
        404,
        "bob replacing alice's task",
    )
    after = ctx.call("alice", "GET", f"/api/tasks/{task['id']}/")
    expect(as_dict(after.json).get("title") == "Alice keeps", f"alice's task changed: {after.describe()}")


@check("isolation", "another user's task cannot be deleted")
def _(ctx):
    task = ctx.create("alice", {"title": "Alice stays"})
    expect_status(ctx.call("bob", "DELETE", f"/api/tasks/{task['id']}/"), 404, "bob deleting alice's task")
    expect_status(ctx.call("alice", "GET", f"/api/tasks/{task['id']}/"), 200, "alice's task after bob's delete")


@check("isolation", "the list holds only the caller's tasks")
def _(ctx):
    ctx.create("bob", {"title": "Bob only"})
    response = ctx.call("bob", "GET", "/api/tasks/")
    expect_status(response, 200)
    titles = [task.get("title") for task in items_of(response)]
    expect(titles == ["Bob only"], f"expected bob to see only ['Bob only'], got {response.describe()}")


@check("isolation", "a client-sent owner is ignored")
def _(ctx):
    task = ctx.create("bob", {"title": "Not yours", "owner": 1})
    expect_status(ctx.call("bob", "GET", f"/api/tasks/{task['id']}/"), 200, "bob reading his own task")
    expect_status(ctx.call("alice", "GET", f"/api/tasks/{task['id']}/"), 404, "alice reading it")


# --- pagination -----------------------------------------------------------------------------


def carol_tasks(ctx):
    if not getattr(ctx, "carol_ready", False):
        for number in range(1, 13):
            ctx.create("carol", {"title": f"Task {number:02d}", "done": number % 2 == 0})
        ctx.carol_ready = True


@check("pagination", "list is paginated with count, next, previous, results")
def _(ctx):
    carol_tasks(ctx)
    response = ctx.call("carol", "GET", "/api/tasks/")
    expect_status(response, 200)
    page = as_dict(response.json)
    expect(
        set(page) == {"count", "next", "previous", "results"},
        f"expected keys count, next, previous, results; got {response.describe()}",
    )
    expect(
        page["count"] == 12 and len(items_of(response)) == 10 and page["next"] and page["previous"] is None,
        f"expected count 12, 10 results, a next link and no previous; got {response.describe()}",
    )


@check("pagination", "page 2 holds the rest")
def _(ctx):
    carol_tasks(ctx)
    response = ctx.call("carol", "GET", "/api/tasks/?page=2")
    expect_status(response, 200)
    page = as_dict(response.json)
    expect(
        len(items_of(response)) == 2 and page.get("next") is None and page.get("previous"),
        f"expected 2 results, no next link and a previous link; got {response.describe()}",
    )


@check("pagination", "newest tasks come first")
def _(ctx):
    carol_tasks(ctx)
    first = ctx.call("carol", "GET", "/api/tasks/")
    second = ctx.call("carol", "GET", "/api/tasks/?page=2")
    titles = [task.get("title") for task in items_of(first) + items_of(second)]
    wanted = [f"Task {number:02d}" for number in range(12, 0, -1)]
    expect(titles == wanted, f"expected titles in the order {wanted}, got {titles}")


@check("pagination", "?page=abc and ?page=9999 are not server errors")
def _(ctx):
    carol_tasks(ctx)
    for page in ("abc", "9999"):
        response = ctx.call("carol", "GET", f"/api/tasks/?page={page}")
        expect_no_server_error(response, {200, 400, 404}, f"?page={page}")


# --- filtering ------------------------------------------------------------------------------


@check("filtering", "?done=true returns only done tasks")
def _(ctx):
    carol_tasks(ctx)
    response = ctx.call("carol", "GET", "/api/tasks/?done=true")
    expect_status(response, 200)
    results = items_of(response)
    expect(
        count_of(response) == 6 and all(task.get("done") is True for task in results),
        f"expected 6 tasks, all done; got {response.describe()}",
    )


@check("filtering", "?done=false returns only open tasks")
def _(ctx):
    carol_tasks(ctx)
    response = ctx.call("carol", "GET", "/api/tasks/?done=false")
    expect_status(response, 200)
    results = items_of(response)
    expect(
        count_of(response) == 6 and all(task.get("done") is False for task in results),
        f"expected 6 tasks, none done; got {response.describe()}",
    )


@check("filtering", "the filter still shows only the caller's tasks")
def _(ctx):
    ctx.create("bob", {"title": "Bob done", "done": True})
    response = ctx.call("bob", "GET", "/api/tasks/?done=true")
    expect_status(response, 200)
    titles = [task.get("title") for task in items_of(response)]
    expect(titles == ["Bob done"], f"expected only ['Bob done'], got {response.describe()}")


@check("filtering", "?done=maybe is not a server error")
def _(ctx):
    response = ctx.call("carol", "GET", "/api/tasks/?done=maybe")
    expect_no_server_error(response, {200, 400}, "?done=maybe")


def run(ctx, group, name, function):
    try:
        function(ctx)
        return {"group": group, "name": name, "passed": True, "status": "passed", "message": "ok"}
    except Blocked as blocked:
        return {"group": group, "name": name, "passed": False, "status": "blocked",
                "blockedBy": blocked.step, "message": f"blocked by {blocked.step}: {blocked}"}
    except (CheckFailed, ServerGone) as failure:
        message = str(failure)
    except Exception:  # an answer the check did not foresee: say what came back, not our error
        last = ctx.client.last
        message = f"the answer could not be read: {last.describe()}" if last else "no answer to read"
    return {"group": group, "name": name, "passed": False, "status": "failed", "message": message}


def main():
    socket_path, nonce, users_json = sys.argv[1], sys.argv[2], sys.argv[3]
    users = {user["username"]: user["password"] for user in json.loads(users_json)}
    ctx = Context(Client(socket_path), users)
    results = [run(ctx, group, name, function) for group, name, function in CHECKS]
    planned = [f"{group}/{name}" for group, name, _ in CHECKS]
    print(json.dumps({"nonce": nonce, "planned": planned, "checks": results}))


main()
