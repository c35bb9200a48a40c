/**
 * Python sources of the grading corpus: task-list APIs written by us in the styles candidates
 * use (no code from public projects). Each export is one file's text; corpus.ts assembles them.
 */

export const ownTasks = `from rest_framework.exceptions import ValidationError

from .models import Task

FLAGS = {"true": True, "false": False}


def own_tasks(request):
    """The caller's tasks, narrowed by ?done=true|false; anything else is a 400."""
    tasks = Task.objects.filter(owner=request.user)
    done = request.query_params.get("done")
    if done is None:
        return tasks
    if done not in FLAGS:
        raise ValidationError({"done": ["Use true or false."]})
    return tasks.filter(done=FLAGS[done])
`;

export const apiViewViews = `from django.shortcuts import get_object_or_404
from rest_framework import status
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.views import APIView

from .models import Task
from .queries import own_tasks
from .serializers import TaskSerializer


class TaskListView(APIView):
    def get(self, request):
        paginator = PageNumberPagination()
        page = paginator.paginate_queryset(own_tasks(request), request, view=self)
        return paginator.get_paginated_response(TaskSerializer(page, many=True).data)

    def post(self, request):
        serializer = TaskSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        serializer.save(owner=request.user)
        return Response(serializer.data, status=status.HTTP_201_CREATED)


class TaskDetailView(APIView):
    def task(self, request, pk):
        return get_object_or_404(Task, pk=pk, owner=request.user)

    def get(self, request, pk):
        return Response(TaskSerializer(self.task(request, pk)).data)

    def put(self, request, pk):
        return self.save(request, pk, partial=False)

    def patch(self, request, pk):
        return self.save(request, pk, partial=True)

    def save(self, request, pk, partial):
        serializer = TaskSerializer(self.task(request, pk), data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        serializer.save()
        return Response(serializer.data)

    def delete(self, request, pk):
        self.task(request, pk).delete()
        return Response(status=status.HTTP_204_NO_CONTENT)
`;

export const apiViewUrls = `from django.urls import path

from .views import TaskDetailView, TaskListView

urlpatterns = [
    path("tasks/", TaskListView.as_view(), name="task-list"),
    path("tasks/<int:pk>/", TaskDetailView.as_view(), name="task-detail"),
]
`;

export const genericsViews = `from rest_framework import generics

from .queries import own_tasks
from .serializers import TaskSerializer


class OwnTasksMixin:
    serializer_class = TaskSerializer

    def get_queryset(self):
        return own_tasks(self.request)


class TaskList(OwnTasksMixin, generics.ListCreateAPIView):
    def perform_create(self, serializer):
        serializer.save(owner=self.request.user)


class TaskDetail(OwnTasksMixin, generics.RetrieveUpdateDestroyAPIView):
    pass
`;

/** The same as genericsViews, but ?done=maybe is a KeyError: a 500 on one filter. */
export const genericsViewsWith500 = `from rest_framework import generics

from .models import Task
from .serializers import TaskSerializer


class OwnTasksMixin:
    serializer_class = TaskSerializer

    def get_queryset(self):
        tasks = Task.objects.filter(owner=self.request.user)
        if "done" in self.request.query_params:
            wanted = {"true": True, "false": False}[self.request.query_params["done"]]
            tasks = tasks.filter(done=wanted)
        return tasks


class TaskList(OwnTasksMixin, generics.ListCreateAPIView):
    def perform_create(self, serializer):
        serializer.save(owner=self.request.user)


class TaskDetail(OwnTasksMixin, generics.RetrieveUpdateDestroyAPIView):
    pass
`;

export const genericsUrls = `from django.urls import path

from . import views

urlpatterns = [
    path("tasks/", views.TaskList.as_view()),
    path("tasks/<int:pk>/", views.TaskDetail.as_view()),
]
`;

export const functionViews = `from django.shortcuts import get_object_or_404
from rest_framework import status
from rest_framework.decorators import api_view
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response

from .models import Task
from .queries import own_tasks
from .serializers import TaskSerializer


@api_view(["GET", "POST"])
def task_list(request):
    if request.method == "POST":
        serializer = TaskSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        serializer.save(owner=request.user)
        return Response(serializer.data, status=status.HTTP_201_CREATED)
    paginator = PageNumberPagination()
    page = paginator.paginate_queryset(own_tasks(request), request)
    return paginator.get_paginated_response(TaskSerializer(page, many=True).data)


@api_view(["GET", "PUT", "PATCH", "DELETE"])
def task_detail(request, pk):
    task = get_object_or_404(Task, pk=pk, owner=request.user)
    if request.method == "GET":
        return Response(TaskSerializer(task).data)
    if request.method == "DELETE":
        task.delete()
        return Response(status=status.HTTP_204_NO_CONTENT)
    serializer = TaskSerializer(task, data=request.data, partial=request.method == "PATCH")
    serializer.is_valid(raise_exception=True)
    serializer.save()
    return Response(serializer.data)
`;

export const functionUrls = `from django.urls import path

from .views import task_detail, task_list

urlpatterns = [
    path("tasks/", task_list),
    path("tasks/<int:pk>/", task_detail),
]
`;

export const filterViewSet = `from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import viewsets

from .models import Task
from .serializers import TaskSerializer


class TaskViewSet(viewsets.ModelViewSet):
    serializer_class = TaskSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_fields = ["done"]

    def get_queryset(self):
        return Task.objects.filter(owner=self.request.user)

    def perform_create(self, serializer):
        serializer.save(owner=self.request.user)
`;

export const filterSettings = `
INSTALLED_APPS += ["django_filters"]
REST_FRAMEWORK["DEFAULT_FILTER_BACKENDS"] = ["django_filters.rest_framework.DjangoFilterBackend"]
`;

export const jwtSettings = `
from datetime import timedelta

REST_FRAMEWORK["DEFAULT_AUTHENTICATION_CLASSES"] = [
    "rest_framework_simplejwt.authentication.JWTAuthentication",
]
SIMPLE_JWT = {"ACCESS_TOKEN_LIFETIME": timedelta(minutes=30)}
`;

export const jwtRootUrls = `from django.contrib import admin
from django.urls import include, path
from rest_framework_simplejwt.views import TokenObtainPairView, TokenRefreshView

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/auth/token/", TokenObtainPairView.as_view(), name="token"),
    path("api/auth/token/refresh/", TokenRefreshView.as_view(), name="token-refresh"),
    path("api/", include("tasks.urls")),
]
`;

export const jwtTests = `from django.contrib.auth import get_user_model
from rest_framework.test import APITestCase

from .models import Task


class JwtTaskTests(APITestCase):
    def setUp(self):
        self.user = get_user_model().objects.create_user("dana", password="dana-pass-1")
        answer = self.client.post(
            "/api/auth/token/", {"username": "dana", "password": "dana-pass-1"}, format="json"
        ).json()
        self.client.credentials(HTTP_AUTHORIZATION="Bearer " + answer["access"])

    def test_anonymous_is_401(self):
        self.client.credentials()
        self.assertEqual(self.client.get("/api/tasks/").status_code, 401)

    def test_create_and_list(self):
        created = self.client.post("/api/tasks/", {"title": "JWT task"}, format="json")
        self.assertEqual(created.status_code, 201)
        self.assertEqual(Task.objects.get().owner, self.user)
        self.assertEqual(self.client.get("/api/tasks/").json()["count"], 1)
`;

export const pytestConftest = `import pytest
from rest_framework.test import APIClient

from tasks.factories import UserFactory


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def api(user):
    client = APIClient()
    client.force_authenticate(user=user)
    return client
`;

export const factories = `import factory
from django.contrib.auth import get_user_model

from tasks.models import Task


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()

    username = factory.Sequence(lambda number: f"user{number}")
    password = factory.django.Password("factory-pass-1")


class TaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Task

    owner = factory.SubFactory(UserFactory)
    title = factory.Faker("sentence", nb_words=3)
`;

export const pytestTests = `import pytest
from freezegun import freeze_time

from tasks.factories import TaskFactory, UserFactory
from tasks.models import Task

pytestmark = pytest.mark.django_db


def test_list_shows_only_my_tasks(api, user):
    TaskFactory(owner=user, title="Mine")
    TaskFactory(title="Someone else's")
    response = api.get("/api/tasks/")
    assert response.status_code == 200
    assert [task["title"] for task in response.json()["results"]] == ["Mine"]


def test_create_ignores_a_sent_owner(api, user, mocker):
    saved = mocker.spy(Task, "save")
    other = UserFactory()
    response = api.post("/api/tasks/", {"title": "New", "owner": other.pk}, format="json")
    assert response.status_code == 201
    assert Task.objects.get(pk=response.json()["id"]).owner == user
    assert saved.call_count == 1


@freeze_time("2031-05-04 10:00:00")
def test_created_at_comes_from_the_server(api):
    response = api.post("/api/tasks/", {"title": "Dated"}, format="json")
    assert response.json()["created_at"].startswith("2031-05-04")


@pytest.mark.parametrize("value", ["", "x" * 201])
def test_title_bounds(api, value):
    assert api.post("/api/tasks/", {"title": value}, format="json").status_code == 400
`;

export const splitBaseEdits = (reference: string): string =>
  `import os\n\nfrom decouple import Csv, config\n${reference}`
    .replace(
      "BASE_DIR = Path(__file__).resolve().parent.parent",
      "BASE_DIR = Path(__file__).resolve().parent.parent.parent",
    )
    .replace(/^SECRET_KEY = .*$/m, 'SECRET_KEY = os.environ["SECRET_KEY"]')
    .replace(/^DEBUG = .*$/m, 'DEBUG = config("DEBUG", default=False, cast=bool)')
    .replace(
      /^ALLOWED_HOSTS = .*$/m,
      'ALLOWED_HOSTS = config("ALLOWED_HOSTS", default="localhost", cast=Csv())',
    );

export const splitProduction = `import environ

from .base import *  # noqa: F401,F403

env = environ.Env()

DATABASES = {"default": env.db("DATABASE_URL", default="postgres://tasks:tasks@db:5432/tasks")}
STATIC_ROOT = "/var/www/static"
LOGIN_REDIRECT_URL = "/home/"
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
`;

export const postgresSettings = `
import os

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("POSTGRES_DB", "tasks"),
        "USER": os.environ.get("POSTGRES_USER", "tasks"),
        "PASSWORD": os.environ.get("POSTGRES_PASSWORD", ""),
        "HOST": os.environ.get("POSTGRES_HOST", "db"),
        "PORT": os.environ.get("POSTGRES_PORT", "5432"),
    }
}
`;

export const corsSettings = `
INSTALLED_APPS += ["corsheaders"]
MIDDLEWARE.insert(0, "corsheaders.middleware.CorsMiddleware")
CORS_ALLOWED_ORIGINS = ["http://localhost:3000"]
`;

export const failingTest = `

class DueDateRules(APITestCase):
    def test_due_date_in_the_past_is_refused(self):
        user = get_user_model().objects.create_user("erin", password="erin-pass-1")
        self.client.force_authenticate(user=user)
        response = self.client.post(
            "/api/tasks/", {"title": "Late", "due_date": "2001-01-01"}, format="json"
        )
        self.assertEqual(response.status_code, 400, "a due date in the past should be refused")
`;

export const unpaginatedSettings = `
REST_FRAMEWORK.pop("DEFAULT_PAGINATION_CLASS")
REST_FRAMEWORK.pop("PAGE_SIZE")
`;

export const unpaginatedTests = `from django.contrib.auth import get_user_model
from rest_framework.test import APITestCase


class ListTests(APITestCase):
    def test_list_is_a_plain_list(self):
        user = get_user_model().objects.create_user("fay", password="fay-pass-1")
        self.client.force_authenticate(user=user)
        self.client.post("/api/tasks/", {"title": "One"}, format="json")
        self.assertEqual([t["title"] for t in self.client.get("/api/tasks/").json()], ["One"])
`;

export const missingModulesSettings = `
INSTALLED_APPS += ["debug_toolbar"]
`;

export const missingModulesThrottle = `import redis

from rest_framework.throttling import UserRateThrottle

pool = redis.ConnectionPool(host="cache", port=6379)


class BurstThrottle(UserRateThrottle):
    rate = "60/min"
`;

export const notesApp = {
  "notes/__init__.py": "",
  "notes/apps.py": `from django.apps import AppConfig


class NotesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "notes"
`,
  "notes/models.py": `from django.conf import settings
from django.db import models


class Note(models.Model):
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    text = models.TextField()
`,
};

export const wrongTokenUrl = `from django.contrib import admin
from django.urls import include, path
from rest_framework.authtoken.views import obtain_auth_token

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/token/", obtain_auth_token),
    path("api/", include("tasks.urls")),
]
`;
