from rest_framework import serializers

from .models import DiscountCode, Order, OrderLine


class LineInSerializer(serializers.Serializer):
    sku = serializers.CharField(max_length=32)
    quantity = serializers.IntegerField(min_value=1, max_value=100)


class CheckoutSerializer(serializers.Serializer):
    customer_email = serializers.EmailField()
    lines = LineInSerializer(many=True, allow_empty=False, max_length=50)
    discount_code = serializers.CharField(max_length=32, required=False, allow_blank=True, default="")


class OrderLineSerializer(serializers.ModelSerializer):
    sku = serializers.CharField(source="product.sku")

    class Meta:
        model = OrderLine
        fields = ["sku", "quantity", "unit_price"]


class OrderSerializer(serializers.ModelSerializer):
    lines = OrderLineSerializer(many=True, read_only=True)
    discount_code = serializers.CharField(source="discount.code", default=None)

    class Meta:
        model = Order
        fields = [
            "id",
            "customer_email",
            "created_at",
            "lines",
            "discount_code",
            "subtotal",
            "discount_amount",
            "total",
        ]


class DiscountSerializer(serializers.ModelSerializer):
    class Meta:
        model = DiscountCode
        fields = ["code", "percent_off", "minimum_total", "ends_at"]
