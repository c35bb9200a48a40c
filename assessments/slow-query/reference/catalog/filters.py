from django.utils.dateparse import parse_date
from rest_framework.exceptions import ValidationError

MESSAGE = "Enter a date written YYYY-MM-DD."


def books_matching(queryset, params):
    """The list's filters: published_after (strict, empty means absent) and author_country."""
    published_after = params.get("published_after")
    if published_after:
        try:
            day = parse_date(published_after)
        except ValueError:
            day = None
        if day is None:
            raise ValidationError({"published_after": [MESSAGE]})
        queryset = queryset.filter(published_on__gt=day)
    country = params.get("author_country")
    if country:
        queryset = queryset.filter(author__country=country)
    return queryset
