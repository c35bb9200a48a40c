import datetime as dt
import zoneinfo

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from . import signals
from .models import Booking


class BookingConflict(Exception):
    def __init__(self, clash):
        super().__init__("Room taken")
        self.clash = clash


def _live_overlaps(room_id, begin, finish):
    return (
        Booking.objects.exclude(cancelled_at__isnull=False)
        .filter(room_id=room_id)
        .exclude(Q(ends_at__lte=begin) | Q(starts_at__gte=finish))
    )


def book_room(*, room, owner, title, starts_at, ends_at, attendees, now=None):
    current = timezone.now() if now is None else now
    candidate = Booking(
        room=room, owner=owner, title=title, starts_at=starts_at, ends_at=ends_at,
        attendees=attendees,
    )
    if not room.is_bookable:
        raise ValidationError({"room": ["Closed for bookings."]})
    horizon = current + dt.timedelta(days=90)
    if not current <= starts_at <= horizon:
        raise ValidationError({"starts_at": ["Outside the booking window."]})
    candidate.full_clean()
    with transaction.atomic():
        blocking = list(_live_overlaps(room.pk, starts_at, ends_at).select_for_update()[:1])
        if blocking:
            raise BookingConflict(blocking[0])
        candidate.save()
    signals.booking_created.send(sender=Booking, booking=candidate)
    return candidate


def cancel_booking(*, booking, by, now=None):
    allowed = by.is_staff or booking.owner_id == by.pk
    if not allowed:
        raise PermissionDenied
    if booking.cancelled_at is None:
        Booking.objects.filter(pk=booking.pk).update(cancelled_at=now or timezone.now())
        booking.refresh_from_db(fields=["cancelled_at"])
        signals.booking_cancelled.send(sender=Booking, booking=booking)
    return booking


def room_day(room, day):
    zone = zoneinfo.ZoneInfo(room.timezone)
    midnight = dt.datetime(day.year, day.month, day.day, tzinfo=zone)
    next_midnight = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0), tzinfo=zone)
    return _live_overlaps(room.pk, midnight, next_midnight).order_by("starts_at", "id")
