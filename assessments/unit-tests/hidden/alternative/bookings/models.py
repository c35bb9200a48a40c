# A second, differently written implementation of SPEC.md. The grader runs the candidate's
# suite on it too: a suite that fails here tests details the spec leaves open.
import datetime as dt

from django.conf import settings
from django.core import validators
from django.core.exceptions import ValidationError
from django.db import models


class Room(models.Model):
    name = models.CharField(max_length=60, unique=True)
    capacity = models.PositiveSmallIntegerField(
        validators=[validators.MinValueValidator(1), validators.MaxValueValidator(40)]
    )
    timezone = models.CharField(max_length=64, default="Europe/Berlin")
    is_bookable = models.BooleanField(default=True)

    def __str__(self):
        return f"Room {self.name} ({self.capacity})"


class Booking(models.Model):
    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="bookings")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="bookings"
    )
    title = models.CharField(max_length=80)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    attendees = models.PositiveSmallIntegerField()
    cancelled_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_at", "id"]

    def _time_problem(self):
        if None in (self.starts_at, self.ends_at):
            return None
        length = self.ends_at - self.starts_at
        if length <= dt.timedelta(0):
            return "End time has to be later than start time."
        if length > dt.timedelta(minutes=240):
            return "Too long: four hours is the limit."
        return None

    def clean(self):
        problems = {}
        time_problem = self._time_problem()
        if time_problem:
            problems["ends_at"] = [time_problem]
        if self.attendees is not None and self.room_id:
            allowed = range(1, self.room.capacity + 1)
            if self.attendees not in allowed:
                problems["attendees"] = ["Head count does not fit the room."]
        if problems:
            raise ValidationError(problems)
