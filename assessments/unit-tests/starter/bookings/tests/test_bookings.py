from django.test import TestCase

from bookings.models import Room


class ExampleTests(TestCase):
    """An example to start from; replace it with your own tests."""

    def test_room_has_a_name(self):
        room = Room.objects.create(name="Fjord", capacity=6)
        self.assertEqual(room.name, "Fjord")
