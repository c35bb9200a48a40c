from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.test import TestCase

from bookings.models import Booking, Room

from .helpers import at, room, user


class BookingValidationTests(TestCase):
    def setUp(self):
        self.room = room(capacity=6)
        self.owner = user()

    def draft(self, starts_at, ends_at, attendees=2):
        return Booking(
            room=self.room, owner=self.owner, title="Sync", starts_at=starts_at, ends_at=ends_at,
            attendees=attendees,
        )

    def assert_invalid_on(self, booking, field):
        with self.assertRaises(ValidationError) as raised:
            booking.full_clean()
        self.assertIn(field, raised.exception.message_dict)

    def test_a_normal_booking_is_valid(self):
        self.draft(at(1), at(2)).full_clean()

    def test_end_before_start_is_invalid(self):
        self.assert_invalid_on(self.draft(at(2), at(1)), "ends_at")

    def test_end_equal_to_start_is_invalid(self):
        self.assert_invalid_on(self.draft(at(2), at(2)), "ends_at")

    def test_exactly_four_hours_is_valid(self):
        self.draft(at(1), at(5)).full_clean()

    def test_longer_than_four_hours_is_invalid(self):
        self.assert_invalid_on(self.draft(at(1), at(5) + timedelta(minutes=1)), "ends_at")

    def test_attendees_up_to_capacity_are_valid(self):
        self.draft(at(1), at(2), attendees=6).full_clean()
        self.draft(at(1), at(2), attendees=1).full_clean()

    def test_attendees_over_capacity_are_invalid(self):
        self.assert_invalid_on(self.draft(at(1), at(2), attendees=7), "attendees")

    def test_zero_attendees_are_invalid(self):
        self.assert_invalid_on(self.draft(at(1), at(2), attendees=0), "attendees")


class RoomTests(TestCase):
    def test_room_names_are_unique(self):
        Room.objects.create(name="Fjord", capacity=4)
        with self.assertRaises(IntegrityError):
            Room.objects.create(name="Fjord", capacity=8)
