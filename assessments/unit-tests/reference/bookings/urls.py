from django.urls import path

from . import views

urlpatterns = [
    path("bookings/", views.MyBookings.as_view(), name="my-bookings"),
    path("bookings/<int:pk>/cancel/", views.CancelBooking.as_view(), name="cancel-booking"),
    path("rooms/<int:pk>/day/", views.RoomDay.as_view(), name="room-day"),
]
