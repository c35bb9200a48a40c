import datetime as dt

from django.core import exceptions as django_errors
from django.http import Http404
from django.utils import timezone
from rest_framework.decorators import api_view, permission_classes
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from .models import Booking, Room
from .serializers import BookingSerializer, slot
from .services import BookingConflict, book_room, cancel_booking, room_day


class Pages(PageNumberPagination):
    page_size = 5


@api_view(["GET", "POST"])
@permission_classes([IsAuthenticated])
def my_bookings(request):
    if request.method == "POST":
        return _create(request)
    upcoming = Booking.objects.filter(
        owner=request.user, cancelled_at=None, ends_at__gt=timezone.now()
    ).order_by("starts_at", "pk")
    pager = Pages()
    page = pager.paginate_queryset(upcoming, request)
    return pager.get_paginated_response(BookingSerializer(page, many=True).data)


def _create(request):
    data = BookingSerializer(data=request.data)
    if not data.is_valid():
        return Response(data.errors, status=400)
    try:
        made = book_room(owner=request.user, **data.validated_data)
    except django_errors.ValidationError as problem:
        return Response(problem.message_dict, status=400)
    except BookingConflict as conflict:
        return Response({"detail": "Taken.", "conflicting_booking": conflict.clash.id}, status=409)
    return Response(BookingSerializer(made).data, status=201)


@api_view(["POST"])
@permission_classes([IsAuthenticated])
def cancel(request, pk):
    booking = Booking.objects.filter(pk=pk).first()
    if booking is None:
        raise Http404
    try:
        cancel_booking(booking=booking, by=request.user)
    except django_errors.PermissionDenied:
        raise Http404 from None
    return Response(BookingSerializer(booking).data)


@api_view(["GET"])
@permission_classes([IsAuthenticated])
def day(request, pk):
    room = Room.objects.filter(pk=pk).first()
    if room is None:
        raise Http404
    try:
        wanted = dt.date.fromisoformat(request.GET.get("date", ""))
    except ValueError:
        return Response({"date": ["Expected YYYY-MM-DD."]}, status=400)
    return Response([slot(booking) for booking in room_day(room, wanted)])
