"""Serve the candidate's WSGI app over a unix socket: `python -I /grader/serve_unix.py SOCKET`.

The sandbox has no network at all (its own empty net namespace), so nothing outside it can
reach a TCP port inside. A unix socket is a file: created in a directory that is bind-mounted
into the sandbox, the grader (outside) connects to it with plain HTTP. Single-threaded on
purpose: requests are answered one at a time, in order, which keeps gradings deterministic.

Before serving it creates the grading users through Django's user model, so a custom user
model works as long as create_user does.

DEBUG is off (the grader's settings), so a server error is never Django's debug page. The
exception is taken from the `django.request` logger instead and sent back to the checks in
one response header: its type, message and the candidate's own frame, paths relative to the
project. It is the candidate's own app telling about itself: nothing in it is trusted.
"""

import json
import logging
import os
import socketserver
import sys
import traceback
from wsgiref.simple_server import WSGIRequestHandler

sys.path.insert(0, "/grader")
from project_setup import use_project  # noqa: E402

READY = "SHORTLIST-SERVER-READY"
ERROR_HEADER = "X-Shortlist-Server-Error"
PROJECT_PREFIX = os.getcwd().rstrip("/") + "/"


def describe_exception(exc_info):
    kind, error, tb = exc_info
    frames = [
        frame
        for frame in traceback.extract_tb(tb)
        if frame.filename.startswith(PROJECT_PREFIX) and "/site-packages/" not in frame.filename
    ]
    text = f"{kind.__name__}: {error}".replace("\r", " ").replace("\n", " ")[:300]
    if frames:
        frame = frames[-1]
        text += f" ({frame.filename[len(PROJECT_PREFIX):]}, line {frame.lineno})"
    return text


class ErrorCapture(logging.Handler):
    """Keeps the last exception django.request logged while answering the current request."""

    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.last = None

    def emit(self, record):
        if record.exc_info and record.exc_info[0] is not None:
            self.last = describe_exception(record.exc_info)


def with_error_header(application, capture):
    def app(environ, start_response):
        capture.last = None

        def start(status, headers, exc_info=None):
            if status.startswith("500") and capture.last:
                headers = [*headers, (ERROR_HEADER, capture.last.encode("ascii", "replace").decode())]
            return start_response(status, headers, exc_info)

        return application(environ, start)

    return app


class Handler(WSGIRequestHandler):
    def setup(self):
        super().setup()
        # A unix socket peer has no address; Django and DRF expect REMOTE_ADDR.
        self.client_address = ("127.0.0.1", 0)

    def log_message(self, format, *args):
        pass


class UnixWSGIServer(socketserver.UnixStreamServer):
    def __init__(self, path, application):
        super().__init__(path, Handler)
        self.application = application
        self.base_environ = {
            "SERVER_NAME": "localhost",
            "SERVER_PORT": "80",
            "GATEWAY_INTERFACE": "CGI/1.1",
            "REMOTE_HOST": "",
            "CONTENT_LENGTH": "",
            "SCRIPT_NAME": "",
        }

    def get_app(self):
        return self.application


def main():
    socket_path, users_json = sys.argv[1], sys.argv[2]
    use_project()
    from django.core.wsgi import get_wsgi_application

    capture = ErrorCapture()
    application = with_error_header(get_wsgi_application(), capture)
    request_logger = logging.getLogger("django.request")
    request_logger.disabled = False
    request_logger.addHandler(capture)
    from django.contrib.auth import get_user_model

    user_model = get_user_model()
    for user in json.loads(users_json):
        try:
            user_model.objects.create_user(username=user["username"], password=user["password"])
        except Exception as error:
            print(f"SHORTLIST-USERS-FAILED could not create user {user['username']!r}: {error!r}", flush=True)
            raise
    server = UnixWSGIServer(socket_path, application)
    # The grader's checks connect as another uid; connecting to a unix socket needs write access.
    os.chmod(socket_path, 0o777)
    print(READY, flush=True)
    server.serve_forever()


main()
