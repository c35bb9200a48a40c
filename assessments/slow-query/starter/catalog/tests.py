import datetime

from django.test import TestCase

from .models import Author, Book, Publisher, Review, Tag


class BookListTests(TestCase):
    def setUp(self):
        author = Author.objects.create(name="Ada", country="GB")
        publisher = Publisher.objects.create(name="North")
        self.book = Book.objects.create(
            title="First", author=author, publisher=publisher,
            published_on=datetime.date(2024, 5, 1), price="12.50",
        )
        self.book.tags.add(Tag.objects.create(name="b"), Tag.objects.create(name="a"))
        Review.objects.create(
            book=self.book, rating=4,
            created_at=datetime.datetime(2024, 6, 1, tzinfo=datetime.timezone.utc),
        )

    def test_lists_a_book(self):
        body = self.client.get("/api/books/").json()
        self.assertEqual(body["count"], 1)
        self.assertEqual(body["results"][0]["tags"], ["a", "b"])
        self.assertEqual(body["results"][0]["average_rating"], 4.0)
