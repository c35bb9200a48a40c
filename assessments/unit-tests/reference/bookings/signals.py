from django.dispatch import Signal

# Sent with booking=<Booking> after the booking is saved (the calendar sync listens).
booking_created = Signal()
# Sent with booking=<Booking> once, when a booking is cancelled.
booking_cancelled = Signal()
