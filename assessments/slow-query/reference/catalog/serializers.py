from rest_framework import serializers

from .models import Author, Book


class AuthorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Author
        fields = ["id", "name", "country"]


class BookSerializer(serializers.ModelSerializer):
    """Reads only what the view loaded: author and publisher joined, tags prefetched in order,
    and the review figures the view attached to each book of the page."""

    author = AuthorSerializer()
    publisher = serializers.CharField(source="publisher.name")
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

    def get_tags(self, book):
        return [tag.name for tag in book.tags.all()]

    def get_review_count(self, book):
        return book.review_figures[0]

    def get_average_rating(self, book):
        average = book.review_figures[1]
        return None if average is None else round(float(average), 2)
