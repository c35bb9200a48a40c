from django.urls import path

from .views import cancel, day, my_bookings

urlpatterns = [
    path("bookings/", my_bookings),
    path("bookings/<int:pk>/cancel/", cancel),
    path("rooms/<int:pk>/day/", day),
]
