from decimal import Decimal

from rest_framework.test import APITestCase

from orders.models import Order, OrderLine

from .helpers import checkout, make_shop


class CheckoutTests(APITestCase):
    def setUp(self):
        self.shop = make_shop()

    def test_order_totals_without_a_code(self):
        response = checkout(self.client, "harbour", [("MUG", 2), ("TEA", 1)])
        self.assertEqual(response.status_code, 201, response.content)
        self.assertEqual(response.data["subtotal"], "33.00")
        self.assertEqual(response.data["discount_amount"], "0.00")
        self.assertEqual(response.data["total"], "33.00")
        self.assertEqual(OrderLine.objects.filter(order_id=response.data["id"]).count(), 2)

    def test_unit_price_is_copied_onto_the_line(self):
        response = checkout(self.client, "harbour", [("MUG", 1)])
        self.shop.products.filter(sku="MUG").update(price=Decimal("99.00"))
        line = OrderLine.objects.get(order_id=response.data["id"])
        self.assertEqual(line.unit_price, Decimal("12.50"))

    def test_unknown_product_is_rejected(self):
        response = checkout(self.client, "harbour", [("MUG", 1), ("NOPE", 1)])
        self.assertEqual(response.status_code, 400)
        self.assertIn("NOPE", response.data["lines"][0])
        self.assertFalse(Order.objects.exists())

    def test_out_of_stock_product_is_rejected(self):
        self.shop.products.filter(sku="TEA").update(in_stock=False)
        response = checkout(self.client, "harbour", [("TEA", 1)])
        self.assertEqual(response.status_code, 400)
        self.assertIn("Out of stock", response.data["lines"][0])

    def test_quantity_must_be_positive(self):
        response = checkout(self.client, "harbour", [("MUG", 0)])
        self.assertEqual(response.status_code, 400)

    def test_empty_basket_is_rejected(self):
        response = checkout(self.client, "harbour", [])
        self.assertEqual(response.status_code, 400)

    def test_products_of_another_shop_are_unknown(self):
        make_shop("lantern")
        self.shop.products.filter(sku="TEA").delete()
        response = checkout(self.client, "harbour", [("TEA", 1)])
        self.assertEqual(response.status_code, 400)
