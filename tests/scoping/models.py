"""Models that hold personal data the way later apps do, to test core.access."""

from django.db import models

from woonloket.core.access import ScopedQuerySet
from woonloket.core.models import Organisation


class Folder(models.Model):
    owner = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    name = models.CharField(max_length=50)

    objects = ScopedQuerySet.as_manager()

    class Scoping:
        owner = "owner"

    def __str__(self):
        return self.name


class Note(models.Model):
    folder = models.ForeignKey(Folder, on_delete=models.CASCADE, related_name="notes")
    text = models.CharField(max_length=50)

    objects = ScopedQuerySet.as_manager()

    class Scoping:
        owner = "folder__owner"
        shared_via = "folder"

    def __str__(self):
        return self.text
