from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

MAX_DURATION = timedelta(hours=4)


class Room(models.Model):
    name = models.CharField(max_length=60, unique=True)
    capacity = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(40)]
    )
    # The office's time zone: "a day" in this room is a local calendar day.
    timezone = models.CharField(max_length=64, default="Europe/Berlin")
    is_bookable = models.BooleanField(default=True)

    def __str__(self):
        return self.name


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

    def clean(self):
        errors = {}
        if self.starts_at and self.ends_at:
            if self.ends_at <= self.starts_at:
                errors["ends_at"] = "The booking must end after it starts."
            elif self.ends_at - self.starts_at > MAX_DURATION:
                errors["ends_at"] = "A booking may last at most 4 hours."
        if self.attendees is not None and self.room_id is not None:
            if self.attendees < 1 or self.attendees > self.room.capacity:
                errors["attendees"] = f"This room holds 1 to {self.room.capacity} people."
        if errors:
            raise ValidationError(errors)

    @property
    def is_cancelled(self):
        return self.cancelled_at is not None

    def __str__(self):
        return f"{self.room} {self.starts_at:%Y-%m-%d %H:%M} {self.title}"
