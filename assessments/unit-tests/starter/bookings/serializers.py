from rest_framework import serializers

from .models import Booking, Room


class BookingSerializer(serializers.ModelSerializer):
    room = serializers.PrimaryKeyRelatedField(queryset=Room.objects.all())

    class Meta:
        model = Booking
        fields = ["id", "room", "title", "starts_at", "ends_at", "attendees", "cancelled_at"]
        read_only_fields = ["id", "cancelled_at"]


class DaySlotSerializer(serializers.ModelSerializer):
    class Meta:
        model = Booking
        fields = ["id", "title", "starts_at", "ends_at"]
