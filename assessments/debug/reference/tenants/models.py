from django.db import models


class Tenant(models.Model):
    """One shop on the platform. Every product, discount and order belongs to one."""

    slug = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=100)
    is_open = models.BooleanField(default=True)

    def __str__(self):
        return self.slug
