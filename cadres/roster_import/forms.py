"""The upload form of the roster import page."""

from django import forms
from django.conf import settings

from ..importing.pending import megabytes
from .reader import FILE_TOO_LARGE


class RosterUploadForm(forms.Form):
    file = forms.FileField(label="花名册文件", help_text="Excel 工作簿（.xlsx 或 .xls）")
    sheet = forms.CharField(label="工作表名称", required=False, max_length=100, help_text="不填则自动查找")
    create_units = forms.BooleanField(label="自动创建系统中没有的单位", required=False)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.ROSTER_IMPORT_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(FILE_TOO_LARGE.format(size=megabytes(upload.size), limit=megabytes(limit)))
        return upload
