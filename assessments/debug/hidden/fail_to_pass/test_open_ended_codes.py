"""Hidden fail-to-pass tests: variants of ticket #4127 (codes without an end date).

Each one fails on the shipped code and passes once open-ended codes are handled where the
rule lives. They build their own data so nothing the candidate changed in the project's test
helpers matters.
"""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone
from rest_framework.test import APITestCase

from orders.models import DiscountCode, Product
from tenants.models import Tenant


def shop(slug):
    tenant = Tenant.objects.create(slug=slug, name=slug.title())
    Product.objects.create(tenant=tenant, sku="LAMP", name="Lamp", price=Decimal("40.00"))
    Product.objects.create(tenant=tenant, sku="RUG", name="Rug", price=Decimal("95.50"))
    return tenant


def buy(client, slug, lines, code):
    body = {
        "customer_email": "kim@example.org",
        "lines": [{"sku": sku, "quantity": quantity} for sku, quantity in lines],
        "discount_code": code,
    }
    return client.post("/api/orders/", body, format="json", HTTP_X_TENANT=slug)


class OpenEndedCodeTests(APITestCase):
    def setUp(self):
        self.tenant = shop("fjord")
        self.now = timezone.now()

    def test_code_with_a_start_and_no_end_applies(self):
        DiscountCode.objects.create(
            tenant=self.tenant,
            code="CREW20",
            percent_off=20,
            starts_at=self.now - timedelta(days=40),
            ends_at=None,
        )
        response = buy(self.client, "fjord", [("LAMP", 2)], "CREW20")
        self.assertEqual(response.status_code, 201, response.content)
        self.assertEqual(response.data["discount_amount"], "16.00")
        self.assertEqual(response.data["total"], "64.00")

    def test_code_with_no_dates_at_all_applies(self):
        DiscountCode.objects.create(tenant=self.tenant, code="FOREVER5", percent_off=5)
        response = buy(self.client, "fjord", [("RUG", 1)], "forever5")
        self.assertEqual(response.status_code, 201, response.content)
        self.assertEqual(response.data["discount_amount"], "4.78")

    def test_end_date_removed_later_makes_the_code_work_again(self):
        code = DiscountCode.objects.create(
            tenant=self.tenant,
            code="LOYAL",
            percent_off=10,
            starts_at=self.now - timedelta(days=90),
            ends_at=self.now - timedelta(days=1),
        )
        DiscountCode.objects.filter(pk=code.pk).update(ends_at=None)
        response = buy(self.client, "fjord", [("LAMP", 1)], "LOYAL")
        self.assertEqual(response.status_code, 201, response.content)
        self.assertEqual(response.data["total"], "36.00")

    def test_open_ended_code_with_a_minimum_applies_above_it(self):
        DiscountCode.objects.create(
            tenant=self.tenant,
            code="BULK12",
            percent_off=12,
            minimum_total=Decimal("100.00"),
            ends_at=None,
        )
        response = buy(self.client, "fjord", [("RUG", 1), ("LAMP", 1)], "BULK12")
        self.assertEqual(response.status_code, 201, response.content)
        self.assertEqual(response.data["discount_amount"], "16.26")

    def test_open_ended_codes_are_in_the_banner(self):
        DiscountCode.objects.create(tenant=self.tenant, code="CREW20", percent_off=20)
        DiscountCode.objects.create(
            tenant=self.tenant,
            code="AUTUMN",
            percent_off=10,
            starts_at=self.now - timedelta(days=1),
            ends_at=self.now + timedelta(days=10),
        )
        response = self.client.get("/api/discounts/", HTTP_X_TENANT="fjord")
        self.assertEqual(response.status_code, 200)
        self.assertEqual([row["code"] for row in response.data], ["AUTUMN", "CREW20"])

    def test_each_shop_gets_its_own_open_ended_code(self):
        other = shop("delta")
        DiscountCode.objects.create(tenant=self.tenant, code="STAFF", percent_off=15)
        DiscountCode.objects.create(tenant=other, code="STAFF", percent_off=25)
        response = buy(self.client, "delta", [("LAMP", 1)], "STAFF")
        self.assertEqual(response.status_code, 201, response.content)
        self.assertEqual(response.data["discount_amount"], "10.00")
