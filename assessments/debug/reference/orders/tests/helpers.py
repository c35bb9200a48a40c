from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from orders.models import DiscountCode, Product
from tenants.models import Tenant


def make_shop(slug="harbour", **fields):
    tenant = Tenant.objects.create(slug=slug, name=slug.title(), **fields)
    Product.objects.create(tenant=tenant, sku="MUG", name="Mug", price=Decimal("12.50"))
    Product.objects.create(tenant=tenant, sku="TEA", name="Tea, 250 g", price=Decimal("8.00"))
    return tenant


def make_code(tenant, code="SPRING10", percent_off=10, days_left=30, **fields):
    now = timezone.now()
    fields.setdefault("starts_at", now - timedelta(days=1))
    fields.setdefault("ends_at", now + timedelta(days=days_left))
    return DiscountCode.objects.create(tenant=tenant, code=code, percent_off=percent_off, **fields)


def checkout(client, tenant_slug, lines, code=None, email="ana@example.com"):
    body = {"customer_email": email, "lines": [{"sku": s, "quantity": q} for s, q in lines]}
    if code is not None:
        body["discount_code"] = code
    return client.post("/api/orders/", body, format="json", HTTP_X_TENANT=tenant_slug)
