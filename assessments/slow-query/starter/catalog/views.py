from django.shortcuts import get_object_or_404
from rest_framework import generics
from rest_framework.decorators import api_view
from rest_framework.response import Response

from .filters import books_matching
from .models import Book, Publisher
from .pagination import BookPagination
from .serializers import BookSerializer


class BookList(generics.ListAPIView):
    serializer_class = BookSerializer
    pagination_class = BookPagination

    def get_queryset(self):
        books = Book.objects.order_by("-published_on", "id")
        return books_matching(books, self.request.query_params)


@api_view(["GET"])
def publisher_stats(request, pk):
    publisher = get_object_or_404(Publisher, pk=pk)
    books = list(publisher.books.all())
    review_count = 0
    rating_total = 0
    books_per_tag = {}
    for book in books:
        for review in book.reviews.all():
            review_count += 1
            rating_total += review.rating
        for tag in book.tags.all():
            books_per_tag[tag.name] = books_per_tag.get(tag.name, 0) + 1
    top_tags = sorted(books_per_tag.items(), key=lambda item: (-item[1], item[0]))[:5]
    return Response(
        {
            "publisher": publisher.name,
            "book_count": len(books),
            "review_count": review_count,
            "average_rating": round(rating_total / review_count, 2) if review_count else None,
            "top_tags": [{"name": name, "books": count} for name, count in top_tags],
        }
    )
