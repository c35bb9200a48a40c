from rest_framework import generics, status
from rest_framework.response import Response

from .models import Order
from .serializers import CheckoutSerializer, DiscountSerializer, OrderSerializer
from .services import CheckoutError, place_order, usable_discounts


class OrderListCreate(generics.ListAPIView):
    """GET: the shop's orders, newest first. POST: check out a basket."""

    serializer_class = OrderSerializer

    def get_queryset(self):
        return (
            Order.objects.filter(tenant=self.request.tenant)
            .select_related("discount")
            .prefetch_related("lines__product")
        )

    def post(self, request):
        incoming = CheckoutSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        try:
            order = place_order(
                request.tenant,
                data["customer_email"],
                [(line["sku"], line["quantity"]) for line in data["lines"]],
                data["discount_code"],
            )
        except CheckoutError as error:
            return Response({error.field: [error.message]}, status=status.HTTP_400_BAD_REQUEST)
        return Response(OrderSerializer(order).data, status=status.HTTP_201_CREATED)


class ActiveDiscountList(generics.ListAPIView):
    """The codes the storefront advertises in its banner."""

    serializer_class = DiscountSerializer
    pagination_class = None

    def get_queryset(self):
        return usable_discounts(self.request.tenant).order_by("code")
