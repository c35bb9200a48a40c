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


class QueryCountTests(BookListTests):
    def test_list_queries_do_not_grow_with_the_page(self):
        author = Author.objects.create(name="Bo", country="SE")
        publisher = Publisher.objects.create(name="South")
        for day in range(1, 26):
            Book.objects.create(
                title=f"B{day}", author=author, publisher=publisher,
                published_on=datetime.date(2023, 1, day), price="1.00",
            )
        with self.assertNumQueries(4):
            self.client.get("/api/books/")

    def test_stats(self):
        publisher = Publisher.objects.get(name="North")
        body = self.client.get(f"/api/publishers/{publisher.id}/stats/").json()
        self.assertEqual(body["book_count"], 1)
        self.assertEqual(body["top_tags"], [{"name": "a", "books": 1}, {"name": "b", "books": 1}])
