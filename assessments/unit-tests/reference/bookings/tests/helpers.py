from datetime import datetime, timedelta, timezone

from django.contrib.auth import get_user_model

from bookings.models import Booking, Room

NOW = datetime(2031, 3, 10, 8, 0, tzinfo=timezone.utc)


def at(hours, days=0):
    """A moment `hours` after 08:00 UTC on the fixed day NOW, `days` later."""
    return NOW + timedelta(days=days, hours=hours)


def user(name="maya", **fields):
    return get_user_model().objects.create_user(name, **fields)


def room(name="Fjord", capacity=6, **fields):
    return Room.objects.create(name=name, capacity=capacity, **fields)


def booking(room, owner, starts_at, hours=1, **fields):
    fields.setdefault("title", "Planning")
    fields.setdefault("attendees", 2)
    return Booking.objects.create(
        room=room, owner=owner, starts_at=starts_at, ends_at=starts_at + timedelta(hours=hours), **fields
    )
