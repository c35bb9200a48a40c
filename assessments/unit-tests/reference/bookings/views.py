from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404
from django.utils import timezone
from rest_framework import generics, permissions, status
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.fields import DateField
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.views import APIView

from . import services
from .models import Booking, Room
from .serializers import BookingSerializer, DaySlotSerializer


class FivePerPage(PageNumberPagination):
    page_size = 5


class MyBookings(generics.ListCreateAPIView):
    """GET: the caller's upcoming, live bookings, soonest first. POST: book a room."""

    permission_classes = [permissions.IsAuthenticated]
    pagination_class = FivePerPage
    serializer_class = BookingSerializer

    def get_queryset(self):
        return (
            Booking.objects.filter(owner=self.request.user)
            .filter(cancelled_at__isnull=True, ends_at__gt=timezone.now())
            .order_by("starts_at", "id")
        )

    def create(self, request, *args, **kwargs):
        incoming = self.get_serializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        try:
            booking = services.book_room(owner=request.user, **incoming.validated_data)
        except DjangoValidationError as error:
            raise ValidationError(error.message_dict) from error
        except services.BookingConflict as conflict:
            return Response(
                {"detail": str(conflict), "conflicting_booking": conflict.clash.pk},
                status=status.HTTP_409_CONFLICT,
            )
        return Response(self.get_serializer(booking).data, status=status.HTTP_201_CREATED)


class CancelBooking(APIView):
    permission_classes = [permissions.IsAuthenticated]

    def post(self, request, pk):
        booking = get_object_or_404(Booking, pk=pk)
        try:
            services.cancel_booking(booking=booking, by=request.user)
        except DjangoPermissionDenied as error:
            # Someone else's booking is not theirs to know about.
            raise NotFound() from error
        return Response(BookingSerializer(booking).data)


class RoomDay(APIView):
    permission_classes = [permissions.IsAuthenticated]

    def get(self, request, pk):
        room = get_object_or_404(Room, pk=pk)
        if "date" not in request.query_params:
            raise ValidationError({"date": "Give the day as ?date=YYYY-MM-DD."})
        try:
            day = DateField().run_validation(request.query_params["date"])
        except ValidationError as error:
            raise ValidationError({"date": error.detail}) from error
        return Response(DaySlotSerializer(services.room_day(room, day), many=True).data)
