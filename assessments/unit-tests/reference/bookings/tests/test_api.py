from datetime import timedelta

from django.utils import timezone
from rest_framework.test import APITestCase

from bookings.models import Booking

from .helpers import booking, room, user


def soon(hours):
    """A whole hour at least a day from the real now (the API uses the real clock)."""
    start = timezone.now().replace(minute=0, second=0, microsecond=0) + timedelta(days=1)
    return start + timedelta(hours=hours)


class MyBookingsTests(APITestCase):
    def setUp(self):
        self.owner = user()
        self.room = room()
        self.client.force_authenticate(self.owner)

    def test_needs_a_signed_in_user(self):
        self.client.force_authenticate(None)
        self.assertIn(self.client.get("/api/bookings/").status_code, (401, 403))
        response = self.client.post("/api/bookings/", {}, format="json")
        self.assertIn(response.status_code, (401, 403))

    def test_lists_only_own_live_upcoming_bookings_soonest_first(self):
        later = booking(self.room, self.owner, soon(5))
        sooner = booking(self.room, self.owner, soon(1))
        booking(self.room, self.owner, soon(3), cancelled_at=timezone.now())
        booking(self.room, user("ola"), soon(2))
        Booking.objects.create(
            room=self.room, owner=self.owner, title="Done", attendees=1,
            starts_at=timezone.now() - timedelta(hours=3), ends_at=timezone.now() - timedelta(hours=2),
        )
        response = self.client.get("/api/bookings/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.data["count"], 2)
        self.assertEqual([row["id"] for row in response.data["results"]], [sooner.pk, later.pk])

    def test_a_booking_in_progress_is_listed(self):
        now = timezone.now()
        running = Booking.objects.create(
            room=self.room, owner=self.owner, title="Now", attendees=1,
            starts_at=now - timedelta(minutes=30), ends_at=now + timedelta(minutes=30),
        )
        response = self.client.get("/api/bookings/")
        self.assertEqual([row["id"] for row in response.data["results"]], [running.pk])

    def test_five_per_page(self):
        made = [booking(self.room, self.owner, soon(hour)) for hour in range(6)]
        first = self.client.get("/api/bookings/")
        self.assertEqual([row["id"] for row in first.data["results"]], [b.pk for b in made[:5]])
        self.assertIsNotNone(first.data["next"])
        second = self.client.get("/api/bookings/?page=2")
        self.assertEqual([row["id"] for row in second.data["results"]], [made[5].pk])

    def test_create_answers_201_with_the_booking(self):
        body = {
            "room": self.room.pk, "title": "1:1", "attendees": 2,
            "starts_at": soon(1).isoformat(), "ends_at": soon(2).isoformat(),
        }
        response = self.client.post("/api/bookings/", body, format="json")
        self.assertEqual(response.status_code, 201, response.content)
        made = Booking.objects.get(pk=response.data["id"])
        self.assertEqual(made.owner, self.owner)
        self.assertIsNone(response.data["cancelled_at"])

    def test_invalid_input_answers_400_per_field(self):
        body = {
            "room": self.room.pk, "title": "Too many", "attendees": 7,
            "starts_at": soon(1).isoformat(), "ends_at": soon(2).isoformat(),
        }
        response = self.client.post("/api/bookings/", body, format="json")
        self.assertEqual(response.status_code, 400)
        self.assertIn("attendees", response.data)

    def test_conflict_answers_409_naming_the_clash(self):
        clash = booking(self.room, user("ola"), soon(1), hours=2)
        body = {
            "room": self.room.pk, "title": "Late", "attendees": 2,
            "starts_at": soon(2).isoformat(), "ends_at": soon(3).isoformat(),
        }
        response = self.client.post("/api/bookings/", body, format="json")
        self.assertEqual(response.status_code, 409)
        self.assertEqual(response.data["conflicting_booking"], clash.pk)


class CancelApiTests(APITestCase):
    def setUp(self):
        self.owner = user()
        self.booking = booking(room(), self.owner, soon(1))

    def test_owner_cancels(self):
        self.client.force_authenticate(self.owner)
        response = self.client.post(f"/api/bookings/{self.booking.pk}/cancel/")
        self.assertEqual(response.status_code, 200)
        self.assertIsNotNone(response.data["cancelled_at"])

    def test_someone_elses_booking_is_not_found(self):
        self.client.force_authenticate(user("ola"))
        response = self.client.post(f"/api/bookings/{self.booking.pk}/cancel/")
        self.assertEqual(response.status_code, 404)
        self.booking.refresh_from_db()
        self.assertIsNone(self.booking.cancelled_at)

    def test_staff_cancels_anyones(self):
        self.client.force_authenticate(user("desk", is_staff=True))
        response = self.client.post(f"/api/bookings/{self.booking.pk}/cancel/")
        self.assertEqual(response.status_code, 200)


class RoomDayApiTests(APITestCase):
    def setUp(self):
        self.owner = user()
        self.room = room(timezone="UTC")
        self.client.force_authenticate(self.owner)

    def test_lists_the_day(self):
        made = booking(self.room, self.owner, soon(1))
        day = soon(1).date().isoformat()
        response = self.client.get(f"/api/rooms/{self.room.pk}/day/?date={day}")
        self.assertEqual(response.status_code, 200)
        self.assertEqual([row["id"] for row in response.data], [made.pk])

    def test_date_is_required_and_checked(self):
        self.assertEqual(self.client.get(f"/api/rooms/{self.room.pk}/day/").status_code, 400)
        bad = self.client.get(f"/api/rooms/{self.room.pk}/day/?date=tomorrow")
        self.assertEqual(bad.status_code, 400)
