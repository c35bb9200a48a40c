"""Booking rules. Views and the admin call these; nothing else writes bookings."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from .models import Booking
from .signals import booking_cancelled, booking_created

MAX_DAYS_AHEAD = 90


class BookingConflict(Exception):
    """The room is taken for part of the requested time; `clash` is the booking in the way."""

    def __init__(self, clash):
        super().__init__(f"The room is already booked from {clash.starts_at} to {clash.ends_at}.")
        self.clash = clash


def overlapping(room, starts_at, ends_at):
    """Live bookings of `room` that share any moment with [starts_at, ends_at)."""
    return Booking.objects.filter(
        room=room,
        cancelled_at__isnull=True,
        starts_at__lt=ends_at,
        ends_at__gt=starts_at,
    )


def book_room(*, room, owner, title, starts_at, ends_at, attendees, now=None):
    now = now or timezone.now()
    if not room.is_bookable:
        raise ValidationError({"room": "This room cannot be booked."})
    if starts_at < now:
        raise ValidationError({"starts_at": "A booking cannot start in the past."})
    if starts_at > now + timedelta(days=MAX_DAYS_AHEAD):
        raise ValidationError({"starts_at": f"Book at most {MAX_DAYS_AHEAD} days ahead."})
    booking = Booking(
        room=room,
        owner=owner,
        title=title,
        starts_at=starts_at,
        ends_at=ends_at,
        attendees=attendees,
    )
    booking.full_clean()
    with transaction.atomic():
        clash = overlapping(room, starts_at, ends_at).select_for_update().first()
        if clash is not None:
            raise BookingConflict(clash)
        booking.save()
    booking_created.send(sender=Booking, booking=booking)
    return booking


def cancel_booking(*, booking, by, now=None):
    """The owner or a staff member may cancel; cancelling twice changes nothing."""
    if booking.owner_id != by.pk and not by.is_staff:
        raise PermissionDenied("Only the owner or staff can cancel a booking.")
    if booking.cancelled_at is not None:
        return booking
    booking.cancelled_at = now or timezone.now()
    booking.save(update_fields=["cancelled_at"])
    booking_cancelled.send(sender=Booking, booking=booking)
    return booking


def room_day(room, day):
    """The room's live bookings that touch the local calendar day `day` (a date)."""
    start = datetime.combine(day, time.min, tzinfo=ZoneInfo(room.timezone))
    end = start + timedelta(days=1)
    return overlapping(room, start, end).order_by("starts_at")
