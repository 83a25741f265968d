"""Forms of the .lrmx pages: the age basis of an export (and the page asking for it), the upload of an import."""

from django import forms
from django.conf import settings
from django.shortcuts import render
from django.utils import timezone

from ..forms import DATE_INVALID, AsOfForm
from ..importing.pending import megabytes
from ..models import Channel, Unit

AS_OF_DEFAULT_NOTE = "未指定计算年龄时间，下面已填入今天（{today}），请确认或修改后下载"
FILE_REQUIRED = "请选择要导入的 .lrmx 文件或 zip 压缩包"
UPLOAD_TOO_LARGE = "文件超过{limit}，请分批导入，或在服务器上用 import_lrmx 命令导入"


class AgeBasisForm(AsOfForm):
    """The date the printed age refers to (JiSuanNianLingShiJian): the as-of form, but chosen, never assumed."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["as_of"]
        field.required = True
        field.label = "计算年龄时间"
        field.error_messages["required"] = DATE_INVALID
        field.help_text = "表上“出生年月（岁）”按此日期计算，重印时选同一日期即得同一张表"

    @classmethod
    def with_default(cls):
        """Return an unbound form showing today as the default, and the note that says so."""
        today = timezone.localdate()
        return cls(initial={"as_of": today}), AS_OF_DEFAULT_NOTE.format(today=today.isoformat())


def as_of_or_page(request, template_context):
    """Return (as_of, None) from the query string, or (None, response) asking the user to choose it.

    The .lrmx download and the printed form (reports) both ask this way.
    """
    if "as_of" not in request.GET:
        form, note = AgeBasisForm.with_default()
        return None, render(request, "cadres/lrmx_as_of.html", {**template_context, "form": form, "note": note})
    form = AgeBasisForm(request.GET)
    if not form.is_valid():
        return None, render(request, "cadres/lrmx_as_of.html", {**template_context, "form": form}, status=400)
    return form.cleaned_data["as_of"], None


class LrmxUploadForm(forms.Form):
    """An upload to import: one .lrmx or a zip, and where a person not yet recorded goes."""

    file = forms.FileField(label="任免审批表文件", error_messages={"required": FILE_REQUIRED})
    unit = forms.ModelChoiceField(
        label="新建干部的单位",
        queryset=Unit.objects.none(),
        required=False,
        empty_label="按呈报单位匹配",
        help_text="文件中的干部在本系统中找不到时，新建到此单位",
    )
    channel = forms.ModelChoiceField(
        label="新建干部的进入方式",
        queryset=Channel.objects.all(),
        required=False,
        empty_label="其他（以后补录）",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.visible_to(user)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        # Django's DATA_UPLOAD_MAX_MEMORY_SIZE does not limit file uploads (TRAPS.md): checked here.
        if upload.size > settings.LRMX_UPLOAD_MAX_BYTES:
            raise forms.ValidationError(UPLOAD_TOO_LARGE.format(limit=megabytes(settings.LRMX_UPLOAD_MAX_BYTES)))
        return upload
