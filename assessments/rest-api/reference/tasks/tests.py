from django.contrib.auth import get_user_model
from rest_framework.authtoken.models import Token
from rest_framework.test import APITestCase

from .models import Task


class TaskApiTests(APITestCase):
    def setUp(self):
        user_model = get_user_model()
        self.alice = user_model.objects.create_user("alice", password="pw-alice-1")
        self.bob = user_model.objects.create_user("bob", password="pw-bob-1")
        self.authenticate(self.alice)

    def authenticate(self, user):
        token, _ = Token.objects.get_or_create(user=user)
        self.client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")

    def test_token_login(self):
        self.client.credentials()
        response = self.client.post(
            "/api/auth/token/", {"username": "alice", "password": "pw-alice-1"}
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("token", response.json())

    def test_requires_authentication(self):
        self.client.credentials()
        self.assertEqual(self.client.get("/api/tasks/").status_code, 401)

    def test_create_sets_owner_and_defaults(self):
        response = self.client.post(
            "/api/tasks/", {"title": "Write report", "owner": self.bob.pk}, format="json"
        )
        self.assertEqual(response.status_code, 201)
        body = response.json()
        self.assertEqual(body["description"], "")
        self.assertFalse(body["done"])
        self.assertIsNone(body["due_date"])
        self.assertEqual(Task.objects.get(pk=body["id"]).owner, self.alice)

    def test_title_is_required_and_bounded(self):
        for title in ["", "x" * 201]:
            response = self.client.post("/api/tasks/", {"title": title}, format="json")
            self.assertEqual(response.status_code, 400)
            self.assertIn("title", response.json())

    def test_other_users_tasks_are_not_found(self):
        task = Task.objects.create(owner=self.bob, title="Bob's")
        self.assertEqual(self.client.get(f"/api/tasks/{task.pk}/").status_code, 404)
        self.assertEqual(self.client.delete(f"/api/tasks/{task.pk}/").status_code, 404)
        self.assertTrue(Task.objects.filter(pk=task.pk).exists())

    def test_list_is_paginated_newest_first_and_filterable(self):
        for number in range(12):
            Task.objects.create(owner=self.alice, title=f"Task {number}", done=number % 2 == 0)
        page = self.client.get("/api/tasks/").json()
        self.assertEqual(page["count"], 12)
        self.assertEqual(len(page["results"]), 10)
        self.assertEqual(page["results"][0]["title"], "Task 11")
        done = self.client.get("/api/tasks/", {"done": "true"}).json()
        self.assertEqual(done["count"], 6)
        self.assertTrue(all(task["done"] for task in done["results"]))
