from datetime import timedelta

from django.utils import timezone
from rest_framework.test import APITestCase

from .helpers import checkout, make_code, make_shop


class DiscountAtCheckoutTests(APITestCase):
    def setUp(self):
        self.shop = make_shop()

    def test_code_takes_its_percentage_off(self):
        make_code(self.shop, "SPRING10", percent_off=10)
        response = checkout(self.client, "harbour", [("MUG", 2)], code="SPRING10")
        self.assertEqual(response.status_code, 201, response.content)
        self.assertEqual(response.data["discount_amount"], "2.50")
        self.assertEqual(response.data["total"], "22.50")
        self.assertEqual(response.data["discount_code"], "SPRING10")

    def test_code_is_not_case_sensitive(self):
        make_code(self.shop, "SPRING10")
        response = checkout(self.client, "harbour", [("MUG", 1)], code=" spring10 ")
        self.assertEqual(response.status_code, 201, response.content)

    def test_rounding_is_half_up_to_the_cent(self):
        make_code(self.shop, "THIRD", percent_off=33)
        response = checkout(self.client, "harbour", [("MUG", 1)], code="THIRD")
        self.assertEqual(response.data["discount_amount"], "4.13")

    def test_expired_code_is_rejected(self):
        make_code(self.shop, "OLD", days_left=-1, starts_at=timezone.now() - timedelta(days=9))
        response = checkout(self.client, "harbour", [("MUG", 1)], code="OLD")
        self.assertEqual(response.status_code, 400)
        self.assertEqual(response.data["discount_code"], ["This code is not valid."])

    def test_code_not_started_yet_is_rejected(self):
        make_code(self.shop, "SOON", starts_at=timezone.now() + timedelta(days=2))
        response = checkout(self.client, "harbour", [("MUG", 1)], code="SOON")
        self.assertEqual(response.status_code, 400)

    def test_code_without_start_date_works(self):
        make_code(self.shop, "ALWAYS", starts_at=None)
        response = checkout(self.client, "harbour", [("MUG", 1)], code="ALWAYS")
        self.assertEqual(response.status_code, 201, response.content)

    def test_inactive_code_is_rejected(self):
        make_code(self.shop, "PAUSED", is_active=False)
        response = checkout(self.client, "harbour", [("MUG", 1)], code="PAUSED")
        self.assertEqual(response.status_code, 400)

    def test_code_of_another_shop_is_rejected(self):
        other = make_shop("lantern")
        make_code(other, "LANTERN20", percent_off=20)
        response = checkout(self.client, "harbour", [("MUG", 1)], code="LANTERN20")
        self.assertEqual(response.status_code, 400)

    def test_minimum_total_is_enforced(self):
        make_code(self.shop, "BIG", minimum_total="50.00")
        response = checkout(self.client, "harbour", [("MUG", 1)], code="BIG")
        self.assertEqual(response.status_code, 400)
        self.assertIn("at least 50.00", response.data["discount_code"][0])


class DiscountBannerTests(APITestCase):
    def test_lists_only_usable_codes_of_the_shop(self):
        shop = make_shop()
        other = make_shop("lantern")
        make_code(shop, "SPRING10")
        make_code(shop, "OLD", days_left=-1, starts_at=timezone.now() - timedelta(days=9))
        make_code(shop, "PAUSED", is_active=False)
        make_code(other, "LANTERN20")
        response = self.client.get("/api/discounts/", HTTP_X_TENANT="harbour")
        self.assertEqual(response.status_code, 200)
        self.assertEqual([row["code"] for row in response.data], ["SPRING10"])
