"""Writes hidden/mutants/*.patch and mutants.json from the table below.

Run from the pack folder after changing reference/: python3 tools/make_mutants.py
Each mutant is one realistic bug in the reference app; the grader never shows them to candidates.
"""
import json, pathlib, shutil, subprocess, sys, tempfile

M = [
 ("list-permission-dropped", "The bookings list and create endpoint lost IsAuthenticated", "access", "bookings/views.py",
  '''    permission_classes = [permissions.IsAuthenticated]
    pagination_class = FivePerPage''', '''    pagination_class = FivePerPage'''),
 ("list-filter-becomes-exclude", "The list shows everyone's bookings but the caller's (filter turned to exclude)", "access", "bookings/views.py",
  '''Booking.objects.filter(owner=self.request.user)''', '''Booking.objects.exclude(owner=self.request.user)'''),
 ("list-shows-cancelled", "Cancelled bookings stay in the caller's list", "rules", "bookings/views.py",
  '''.filter(cancelled_at__isnull=True, ends_at__gt=timezone.now())''', '''.filter(ends_at__gt=timezone.now())'''),
 ("list-shows-ended", "Bookings that have ended stay in the list", "rules", "bookings/views.py",
  '''.filter(cancelled_at__isnull=True, ends_at__gt=timezone.now())''', '''.filter(cancelled_at__isnull=True)'''),
 ("list-hides-running", "A booking in progress drops out of the list (compares the start, not the end, with now)", "rules", "bookings/views.py",
  '''.filter(cancelled_at__isnull=True, ends_at__gt=timezone.now())''', '''.filter(cancelled_at__isnull=True, starts_at__gt=timezone.now())'''),
 ("list-order-reversed", "The list is latest first instead of soonest first", "api", "bookings/views.py",
  '''            .order_by("starts_at", "id")''', '''            .order_by("-starts_at", "-id")'''),
 ("page-size-off-by-one", "Pages hold 6 bookings instead of 5", "api", "bookings/views.py",
  '''    page_size = 5''', '''    page_size = 6'''),
 ("capacity-bound-off-by-one", "One attendee more than the room's capacity is accepted", "rules", "bookings/models.py",
  '''self.attendees > self.room.capacity:''', '''self.attendees > self.room.capacity + 1:'''),
 ("zero-attendees-accepted", "A booking for zero attendees is accepted", "rules", "bookings/models.py",
  '''if self.attendees < 1 or self.attendees''', '''if self.attendees < 0 or self.attendees'''),
 ("four-hours-rejected", "A booking of exactly four hours is rejected (> became >=)", "rules", "bookings/models.py",
  '''self.ends_at - self.starts_at > MAX_DURATION''', '''self.ends_at - self.starts_at >= MAX_DURATION'''),
 ("zero-length-accepted", "A booking that ends when it starts is accepted", "rules", "bookings/models.py",
  '''if self.ends_at <= self.starts_at:''', '''if self.ends_at < self.starts_at:'''),
 ("back-to-back-conflict", "Back-to-back bookings are reported as conflicts (< became <=)", "rules", "bookings/services.py",
  '''        starts_at__lt=ends_at,
        ends_at__gt=starts_at,''', '''        starts_at__lte=ends_at,
        ends_at__gte=starts_at,'''),
 ("cancelled-still-conflict", "Cancelled bookings still block the room", "rules", "bookings/services.py",
  '''        room=room,
        cancelled_at__isnull=True,
        starts_at__lt=ends_at,''', '''        room=room,
        starts_at__lt=ends_at,'''),
 ("conflict-across-rooms", "The conflict check ignores the room: any room's booking clashes", "rules", "bookings/services.py",
  '''    return Booking.objects.filter(
        room=room,
        cancelled_at__isnull=True,''', '''    return Booking.objects.filter(
        cancelled_at__isnull=True,'''),
 ("past-start-accepted", "A booking may start in the past", "rules", "bookings/services.py",
  '''    if starts_at < now:''', '''    if starts_at < now - timedelta(days=1):'''),
 ("conflict-status-400", "A conflict answers 400 instead of 409", "api", "bookings/views.py",
  '''                status=status.HTTP_409_CONFLICT,''', '''                status=status.HTTP_400_BAD_REQUEST,'''),
 ("create-status-200", "Creating a booking answers 200 instead of 201", "api", "bookings/views.py",
  '''        return Response(self.get_serializer(booking).data, status=status.HTTP_201_CREATED)''', '''        return Response(self.get_serializer(booking).data)'''),
 ("room-name-not-unique", "Room names are no longer unique (model and migration)", "rules", "bookings/models.py",
  '''    name = models.CharField(max_length=60, unique=True)''', '''    name = models.CharField(max_length=60)'''),
 ("day-in-utc", "A room's day is the UTC day, not the office's local day (timezone slip)", "rules", "bookings/services.py",
  '''    start = datetime.combine(day, time.min, tzinfo=ZoneInfo(room.timezone))''', '''    start = datetime.combine(day, time.min, tzinfo=timezone.get_current_timezone())'''),
 ("created-signal-not-sent", "booking_created is never sent", "signals", "bookings/services.py",
  '''    booking_created.send(sender=Booking, booking=booking)
''', ''''''),
 ("cancelled-signal-every-time", "booking_cancelled is sent again when an already cancelled booking is cancelled", "signals", "bookings/services.py",
  '''    if booking.cancelled_at is not None:
        return booking
    booking.cancelled_at''', '''    if booking.cancelled_at is not None:
        booking_cancelled.send(sender=Booking, booking=booking)
        return booking
    booking.cancelled_at'''),
 ("anyone-may-cancel", "Anyone signed in may cancel anyone's booking", "access", "bookings/services.py",
  '''    if booking.owner_id != by.pk and not by.is_staff:''', '''    if booking.owner_id is None and not by.is_staff:'''),
 ("staff-may-not-cancel", "Staff can no longer cancel other people's bookings", "access", "bookings/services.py",
  '''    if booking.owner_id != by.pk and not by.is_staff:''', '''    if booking.owner_id != by.pk:'''),
 ("foreign-cancel-403", "Cancelling someone else's booking answers 403, revealing that it exists", "access", "bookings/views.py",
  '''            raise NotFound() from error''', '''            raise PermissionDenied() from error'''),
]
extra = {"room-name-not-unique": ("bookings/migrations/0001_initial.py", "('name', models.CharField(max_length=60, unique=True)),", "('name', models.CharField(max_length=60)),"),
         "foreign-cancel-403": ("bookings/views.py", "from rest_framework.exceptions import NotFound, ValidationError", "from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError")}
pack = pathlib.Path.cwd()
out = pack / "hidden" / "mutants"
for old in out.glob("*.patch"): old.unlink()
catalogue = []
for n, (slug, title, group, file, old, new) in enumerate(M, start=1):
    tmp = pathlib.Path(tempfile.mkdtemp())
    shutil.copytree(pack / "reference", tmp / "b", ignore=shutil.ignore_patterns("__pycache__", "tests", "db.sqlite3"))
    shutil.copytree(pack / "reference", tmp / "a", ignore=shutil.ignore_patterns("__pycache__", "tests", "db.sqlite3"))
    edits = [(file, old, new)] + ([extra[slug]] if slug in extra else [])
    for f, o, nw in edits:
        path = tmp / "b" / f; text = path.read_text()
        if text.count(o) != 1: sys.exit(f"{slug}: {o!r} found {text.count(o)} times in {f}")
        path.write_text(text.replace(o, nw))
    diff = subprocess.run(["diff", "-ruN", "a", "b"], cwd=tmp, capture_output=True, text=True).stdout
    lines = [l.split("\t")[0] if l.startswith(("--- ", "+++ ")) else l for l in diff.splitlines() if not l.startswith("diff ")]
    name = f"{n:02d}-{slug}.patch"
    (out / name).write_text("\n".join(lines) + "\n")
    catalogue.append({"id": slug, "title": title, "group": group, "patch": name})
    shutil.rmtree(tmp)
(out / "mutants.json").write_text(json.dumps({"mutants": catalogue}, indent=2) + "\n")
print(len(catalogue), "mutants")
