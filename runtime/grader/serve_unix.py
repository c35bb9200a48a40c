"""Serve the candidate's WSGI app over a unix socket: `python -I /grader/serve_unix.py SOCKET`.

The sandbox has no network at all (its own empty net namespace), so nothing outside it can
reach a TCP port inside. A unix socket is a file: created in a directory that is bind-mounted
into the sandbox, the grader (outside) connects to it with plain HTTP. Single-threaded on
purpose: requests are answered one at a time, in order, which keeps gradings deterministic.

Before serving it creates the grading users through Django's user model, so a custom user
model works as long as create_user does.
"""

import json
import os
import socketserver
import sys
from wsgiref.simple_server import WSGIRequestHandler

sys.path.insert(0, "/grader")
from project_setup import use_project  # noqa: E402

READY = "SHORTLIST-SERVER-READY"


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

    application = get_wsgi_application()
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
