from rest_framework.test import APITestCase

from tenants.models import Tenant

from .helpers import checkout, make_shop


class OrderListTests(APITestCase):
    def test_lists_only_the_shops_own_orders_newest_first(self):
        make_shop()
        make_shop("lantern")
        first = checkout(self.client, "harbour", [("MUG", 1)]).data["id"]
        second = checkout(self.client, "harbour", [("TEA", 1)]).data["id"]
        checkout(self.client, "lantern", [("TEA", 3)])
        response = self.client.get("/api/orders/", HTTP_X_TENANT="harbour")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.data["count"], 2)
        self.assertEqual([row["id"] for row in response.data["results"]], [second, first])

    def test_orders_are_paginated(self):
        make_shop()
        for _ in range(21):
            checkout(self.client, "harbour", [("MUG", 1)])
        response = self.client.get("/api/orders/?page=2", HTTP_X_TENANT="harbour")
        self.assertEqual(response.data["count"], 21)
        self.assertEqual(len(response.data["results"]), 1)


class TenantMiddlewareTests(APITestCase):
    def test_missing_header_is_not_found(self):
        make_shop()
        self.assertEqual(self.client.get("/api/orders/").status_code, 404)

    def test_unknown_shop_is_not_found(self):
        make_shop()
        response = self.client.get("/api/orders/", HTTP_X_TENANT="nowhere")
        self.assertEqual(response.status_code, 404)

    def test_closed_shop_is_not_found(self):
        make_shop()
        Tenant.objects.filter(slug="harbour").update(is_open=False)
        response = self.client.get("/api/orders/", HTTP_X_TENANT="harbour")
        self.assertEqual(response.status_code, 404)

    def test_header_is_not_case_sensitive(self):
        make_shop()
        response = self.client.get("/api/orders/", HTTP_X_TENANT=" Harbour ")
        self.assertEqual(response.status_code, 200)
