import django.dispatch

booking_created = django.dispatch.Signal()
booking_cancelled = django.dispatch.Signal()
