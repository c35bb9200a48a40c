from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from tenants.models import Tenant


class Product(models.Model):
    tenant = models.ForeignKey(Tenant, on_delete=models.CASCADE, related_name="products")
    sku = models.CharField(max_length=32)
    name = models.CharField(max_length=120)
    price = models.DecimalField(max_digits=9, decimal_places=2)
    in_stock = models.BooleanField(default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["tenant", "sku"], name="unique_sku_per_tenant")
        ]

    def __str__(self):
        return f"{self.tenant.slug}:{self.sku}"


class DiscountCode(models.Model):
    """A code a shopper types at checkout for a percentage off the whole order.

    starts_at and ends_at are both optional: a code without a start is valid from the moment
    it is created, a code without an end never expires.
    """

    tenant = models.ForeignKey(Tenant, on_delete=models.CASCADE, related_name="discounts")
    code = models.CharField(max_length=32)
    percent_off = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(90)]
    )
    minimum_total = models.DecimalField(max_digits=9, decimal_places=2, default=Decimal("0"))
    starts_at = models.DateTimeField(null=True, blank=True)
    ends_at = models.DateTimeField(null=True, blank=True)
    is_active = models.BooleanField(default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["tenant", "code"], name="unique_code_per_tenant")
        ]

    def __str__(self):
        return f"{self.tenant.slug}:{self.code}"


class Order(models.Model):
    tenant = models.ForeignKey(Tenant, on_delete=models.CASCADE, related_name="orders")
    customer_email = models.EmailField()
    created_at = models.DateTimeField(auto_now_add=True)
    discount = models.ForeignKey(
        DiscountCode, on_delete=models.SET_NULL, null=True, blank=True, related_name="orders"
    )
    subtotal = models.DecimalField(max_digits=10, decimal_places=2)
    discount_amount = models.DecimalField(max_digits=10, decimal_places=2, default=Decimal("0"))
    total = models.DecimalField(max_digits=10, decimal_places=2)

    class Meta:
        ordering = ["-created_at", "-id"]


class OrderLine(models.Model):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="lines")
    product = models.ForeignKey(Product, on_delete=models.PROTECT, related_name="+")
    quantity = models.PositiveIntegerField(validators=[MinValueValidator(1)])
    unit_price = models.DecimalField(max_digits=9, decimal_places=2)
