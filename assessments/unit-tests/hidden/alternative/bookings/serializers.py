from rest_framework import serializers

from .models import Booking, Room


class BookingSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    room = serializers.PrimaryKeyRelatedField(queryset=Room.objects.all())
    title = serializers.CharField(max_length=80)
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    attendees = serializers.IntegerField(min_value=0, max_value=32767)
    cancelled_at = serializers.DateTimeField(read_only=True)


def slot(booking):
    return {
        "id": booking.id,
        "title": booking.title,
        "starts_at": serializers.DateTimeField().to_representation(booking.starts_at),
        "ends_at": serializers.DateTimeField().to_representation(booking.ends_at),
    }


__all__ = ["BookingSerializer", "Booking", "slot"]
