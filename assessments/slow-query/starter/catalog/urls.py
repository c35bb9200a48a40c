from django.urls import path

from . import views

urlpatterns = [
    path("books/", views.BookList.as_view(), name="book-list"),
    path("publishers/<int:pk>/stats/", views.publisher_stats, name="publisher-stats"),
]
