from django.db.models import Avg
from rest_framework import serializers

from .models import Author, Book


class AuthorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Author
        fields = ["id", "name", "country"]


class BookSerializer(serializers.ModelSerializer):
    author = AuthorSerializer()
    publisher = serializers.SerializerMethodField()
    tags = serializers.SerializerMethodField()
    review_count = serializers.SerializerMethodField()
    average_rating = serializers.SerializerMethodField()

    class Meta:
        model = Book
        fields = [
            "id",
            "title",
            "published_on",
            "price",
            "author",
            "publisher",
            "tags",
            "review_count",
            "average_rating",
        ]

    def get_publisher(self, book):
        return book.publisher.name

    def get_tags(self, book):
        return [tag.name for tag in book.tags.order_by("name")]

    def get_review_count(self, book):
        return book.reviews.count()

    def get_average_rating(self, book):
        average = book.reviews.aggregate(value=Avg("rating"))["value"]
        return None if average is None else round(float(average), 2)
