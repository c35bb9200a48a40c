from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.core.exceptions import PermissionDenied, ValidationError
from django.test import TestCase

from bookings import services
from bookings.signals import booking_cancelled, booking_created

from .helpers import NOW, at, booking, room, user


class Received:
    """Collects what a signal was sent with, for the length of one test."""

    def __init__(self, test, signal):
        self.calls = []
        signal.connect(self.receive, dispatch_uid=f"test-{id(self)}")
        test.addCleanup(signal.disconnect, dispatch_uid=f"test-{id(self)}")

    def receive(self, sender, **kwargs):
        self.calls.append(kwargs)


class BookRoomTests(TestCase):
    def setUp(self):
        self.room = room()
        self.owner = user()

    def book(self, starts_at, hours=1, room=None, **fields):
        fields.setdefault("title", "Retro")
        fields.setdefault("attendees", 3)
        return services.book_room(
            room=room or self.room, owner=self.owner, starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=hours), now=NOW, **fields,
        )

    def test_creates_the_booking_and_announces_it(self):
        received = Received(self, booking_created)
        made = self.book(at(2))
        self.assertIsNotNone(made.pk)
        self.assertIsNone(made.cancelled_at)
        self.assertEqual([call["booking"] for call in received.calls], [made])

    def test_no_signal_when_booking_fails(self):
        received = Received(self, booking_created)
        with self.assertRaises(ValidationError):
            self.book(at(2), hours=5)
        self.assertEqual(received.calls, [])

    def test_start_in_the_past_is_rejected(self):
        with self.assertRaises(ValidationError) as raised:
            self.book(at(-1))
        self.assertIn("starts_at", raised.exception.message_dict)

    def test_start_right_now_is_accepted(self):
        self.book(NOW)

    def test_at_most_ninety_days_ahead(self):
        self.book(NOW + timedelta(days=90))
        with self.assertRaises(ValidationError) as raised:
            self.book(NOW + timedelta(days=90, minutes=15))
        self.assertIn("starts_at", raised.exception.message_dict)

    def test_room_that_is_not_bookable_is_rejected(self):
        closed = room("Attic", is_bookable=False)
        with self.assertRaises(ValidationError) as raised:
            self.book(at(2), room=closed)
        self.assertIn("room", raised.exception.message_dict)

    def test_model_validation_applies(self):
        with self.assertRaises(ValidationError) as raised:
            self.book(at(2), attendees=7)
        self.assertIn("attendees", raised.exception.message_dict)

    def test_overlap_in_the_same_room_conflicts(self):
        first = self.book(at(2), hours=2)
        with self.assertRaises(services.BookingConflict) as raised:
            self.book(at(3))
        self.assertEqual(raised.exception.clash, first)

    def test_booking_inside_another_conflicts(self):
        self.book(at(2), hours=3)
        with self.assertRaises(services.BookingConflict):
            self.book(at(3))

    def test_back_to_back_bookings_do_not_conflict(self):
        self.book(at(2))
        self.book(at(3))
        self.book(at(1))

    def test_other_rooms_do_not_conflict(self):
        self.book(at(2))
        self.book(at(2), room=room("Delta"))

    def test_cancelled_bookings_do_not_conflict(self):
        old = booking(self.room, self.owner, at(2), cancelled_at=NOW)
        self.assertIsNotNone(old.cancelled_at)
        self.book(at(2))


class CancelBookingTests(TestCase):
    def setUp(self):
        self.owner = user()
        self.booking = booking(room(), self.owner, at(2))

    def test_owner_cancels_and_it_is_announced_once(self):
        received = Received(self, booking_cancelled)
        services.cancel_booking(booking=self.booking, by=self.owner, now=at(1))
        services.cancel_booking(booking=self.booking, by=self.owner, now=at(1, days=1))
        self.booking.refresh_from_db()
        self.assertEqual(self.booking.cancelled_at, at(1))
        self.assertEqual([call["booking"] for call in received.calls], [self.booking])

    def test_staff_may_cancel_any_booking(self):
        services.cancel_booking(booking=self.booking, by=user("desk", is_staff=True))
        self.booking.refresh_from_db()
        self.assertIsNotNone(self.booking.cancelled_at)

    def test_someone_else_may_not_cancel(self):
        with self.assertRaises(PermissionDenied):
            services.cancel_booking(booking=self.booking, by=user("ola"))
        self.booking.refresh_from_db()
        self.assertIsNone(self.booking.cancelled_at)


class RoomDayTests(TestCase):
    def test_day_is_the_rooms_local_day(self):
        berlin = ZoneInfo("Europe/Berlin")
        fjord = room(timezone="Europe/Berlin")
        owner = user()
        # 00:00-00:45 in Berlin on 11 March is 23:00-23:45 UTC on 10 March: inside the local day.
        early = booking(fjord, owner, datetime(2031, 3, 11, 0, 0, tzinfo=berlin), hours=0.75)
        late = booking(fjord, owner, datetime(2031, 3, 11, 22, 0, tzinfo=berlin))
        # 00:15 in Berlin on 12 March is still 11 March in UTC: outside the local day.
        booking(fjord, owner, datetime(2031, 3, 12, 0, 15, tzinfo=berlin), hours=0.5)
        booking(fjord, owner, datetime(2031, 3, 10, 22, 0, tzinfo=berlin))
        booking(fjord, owner, datetime(2031, 3, 11, 12, 0, tzinfo=berlin), cancelled_at=NOW)
        self.assertEqual(list(services.room_day(fjord, date(2031, 3, 11))), [early, late])
