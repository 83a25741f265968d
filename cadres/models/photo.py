"""A cadre's photo, kept in the database: confidential personnel data never goes to public media files."""

from django.db import models
from simple_history.models import HistoricalRecords

from .records import Cadre


class CadrePhoto(models.Model):
    """The photo of the 任免审批表: a JPEG without metadata, at most 600 pixels high (cadres/photos.py).

    Its own table keeps Cadre's rows small: lists and statistics never read the image.
    """

    cadre = models.OneToOneField(
        Cadre, verbose_name="干部", on_delete=models.CASCADE, primary_key=True, related_name="photo"
    )
    jpeg = models.BinaryField("照片（JPEG）")
    width = models.PositiveIntegerField("宽度（像素）")
    height = models.PositiveIntegerField("高度（像素）")
    # The history keeps this, not the image: it shows that and when a photo changed without copying it.
    sha256 = models.CharField("照片SHA-256", max_length=64)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    history = HistoricalRecords(excluded_fields=["jpeg", "updated_at"])

    class Meta:
        verbose_name = "照片"
        verbose_name_plural = "照片"

    def __str__(self):
        # Not the cadre's name: the admin names a deleted photo after its key, which delete() has cleared.
        return f"照片（{self.width}×{self.height}像素）"
