from django.db.models import Avg, Count, Prefetch
from django.shortcuts import get_object_or_404
from rest_framework import generics
from rest_framework.decorators import api_view
from rest_framework.response import Response

from .filters import books_matching
from .models import Book, Publisher, Review, Tag
from .pagination import BookPagination
from .serializers import BookSerializer


class BookList(generics.ListAPIView):
    """Four queries whatever the page: count, the page with author and publisher, its tags,
    and its review figures. Reviews are aggregated for the page's books only: annotating the
    whole filtered queryset would make PostgreSQL aggregate every matching book."""

    serializer_class = BookSerializer
    pagination_class = BookPagination

    def get_queryset(self):
        books = (
            Book.objects.order_by("-published_on", "id")
            .select_related("author", "publisher")
            .prefetch_related(Prefetch("tags", queryset=Tag.objects.order_by("name")))
        )
        return books_matching(books, self.request.query_params)

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        figures = {
            row["book_id"]: (row["count"], row["average"])
            for row in Review.objects.filter(book_id__in=[book.id for book in page])
            .values("book_id")
            .annotate(count=Count("id"), average=Avg("rating"))
        }
        for book in page:
            book.review_figures = figures.get(book.id, (0, None))
        return page


@api_view(["GET"])
def publisher_stats(request, pk):
    publisher = get_object_or_404(Publisher, pk=pk)
    reviews = Review.objects.filter(book__publisher=publisher).aggregate(
        count=Count("id"), average=Avg("rating")
    )
    top_tags = (
        Tag.objects.filter(books__publisher=publisher)
        .annotate(book_count=Count("books"))
        .order_by("-book_count", "name")[:5]
    )
    average = reviews["average"]
    return Response(
        {
            "publisher": publisher.name,
            "book_count": publisher.books.count(),
            "review_count": reviews["count"],
            "average_rating": None if average is None else round(float(average), 2),
            "top_tags": [{"name": tag.name, "books": tag.book_count} for tag in top_tags],
        }
    )
