"""Checkout rules: which discount codes a shop's customers may use, and order totals."""

from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .models import DiscountCode, Order, OrderLine, Product

CENT = Decimal("0.01")


class CheckoutError(Exception):
    """Bad checkout input; `field` names what the shopper has to fix."""

    def __init__(self, field, message):
        super().__init__(message)
        self.field = field
        self.message = message


def usable_discounts(tenant, at=None):
    """The tenant's discount codes a shopper may use at `at` (now by default)."""
    at = at or timezone.now()
    return DiscountCode.objects.filter(tenant=tenant, is_active=True).filter(
        Q(starts_at__isnull=True) | Q(starts_at__lte=at),
        Q(ends_at__isnull=True) | Q(ends_at__gt=at),
    )


def find_discount(tenant, code, at=None):
    return usable_discounts(tenant, at).filter(code__iexact=code.strip()).first()


def discount_for(code, subtotal):
    if subtotal < code.minimum_total:
        return Decimal("0")
    return (subtotal * code.percent_off / Decimal(100)).quantize(CENT, rounding=ROUND_HALF_UP)


@transaction.atomic
def place_order(tenant, customer_email, lines, discount_code=""):
    """lines: [(sku, quantity)]. Raises CheckoutError naming the field at fault."""
    skus = [sku for sku, _ in lines]
    products = {p.sku: p for p in Product.objects.filter(tenant=tenant, sku__in=skus)}
    missing = [sku for sku in skus if sku not in products]
    if missing:
        raise CheckoutError("lines", f"Unknown product: {', '.join(missing)}.")
    unavailable = [sku for sku in skus if not products[sku].in_stock]
    if unavailable:
        raise CheckoutError("lines", f"Out of stock: {', '.join(unavailable)}.")

    subtotal = sum((products[sku].price * quantity for sku, quantity in lines), Decimal("0"))
    discount = None
    amount = Decimal("0")
    if discount_code:
        discount = find_discount(tenant, discount_code)
        if discount is None:
            raise CheckoutError("discount_code", "This code is not valid.")
        if subtotal < discount.minimum_total:
            raise CheckoutError(
                "discount_code",
                f"This code needs an order of at least {discount.minimum_total}.",
            )
        amount = discount_for(discount, subtotal)

    order = Order.objects.create(
        tenant=tenant,
        customer_email=customer_email,
        discount=discount,
        subtotal=subtotal,
        discount_amount=amount,
        total=subtotal - amount,
    )
    OrderLine.objects.bulk_create(
        OrderLine(order=order, product=products[sku], quantity=quantity, unit_price=products[sku].price)
        for sku, quantity in lines
    )
    return order
