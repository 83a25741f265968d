"""What several models of the domain share."""

from django.db import models, router, transaction


class SavedWithReceivers(models.Model):
    """A model whose save() and delete() run in one transaction with what their signal receivers write.

    Saving or deleting a work record or secondment, or changing a unit's kind, refreshes the stored
    experience summary (cadres/experience_summary.py) in a post_save/post_delete receiver; outside
    an atomic block Django would commit the row before the receiver runs.
    """

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        with transaction.atomic(using=kwargs.get("using") or router.db_for_write(type(self), instance=self)):
            super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        with transaction.atomic(using=kwargs.get("using") or router.db_for_write(type(self), instance=self)):
            return super().delete(*args, **kwargs)
