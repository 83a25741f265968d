"""The cadre list (干部名册): /cadres/ (page), /cadres.json, /cadres/export.xlsx, the .lrmx zip, saved filters.

All three start from `Cadre.objects.visible_to(user)` and read the same filters (cadre_list/filters.py).
"""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST
from django_tables2 import RequestConfig

from audit.services import audit
from cadres.audit_actions import CadreAction
from cadres.dates import day_in_words
from cadres.models import Cadre, SavedFilter
from cadres.saved_filters import saved_filter_delete, saved_filter_save

from ..audit_actions import ReportAction
from ..cadre_list.export import ExportColumnsForm, cadre_list_lrmx_archive, cadre_list_rows, cadre_list_workbook
from ..cadre_list.filters import CadreListFilter
from ..cadre_list.page import (
    BAR_FIELDS,
    HIDDEN_FIELDS,
    PAGE_SIZES,
    chips,
    more_open,
    page_size,
    share_channel_query,
    share_unit_query,
    title_in_words,
)
from ..cadre_list.table import CadreListTable
from ..downloads import file_response
from ..excel import xlsx_response
from ..params import PARAMS_INVALID

JSON_PAGE_SIZE = 100
PAGE_INVALID = "页码无效"
SAVED = "已保存筛选“{name}”"
DELETED = "已删除筛选“{name}”"
SAVE_INVALID = "筛选未保存：{errors}"
EXPORT_TITLE = "干部名单（截至{as_of}）"  # as_of in words
EXPORT_FILENAME = "干部名单_{as_of:%Y-%m-%d}.xlsx"
LRMX_ZIP_FILENAME = "任免审批表_{as_of:%Y-%m-%d}.zip"
LRMX_ZIP_SUMMARY = "截至{as_of}，{count}人的任免审批表（.lrmx）"  # as_of in words
LRMX_AS_OF_REQUIRED = "请指定计算年龄的日期（as_of=YYYY-MM-DD）：任免审批表上的年龄按此日期计算"
LRMX_NOTHING = "没有符合条件的干部，未导出任何文件"
# Parameters of the page itself, not filters: left out of the links the page builds.
PAGE_PARAMS = ("page", "sort", "columns", "per_page")


def cadre_list_filter(request):
    """Return the bound filters over the cadres `request.user` may see, ordered for listing."""
    cadres = Cadre.objects.visible_to(request.user).select_related("unit", "channel__group")
    return CadreListFilter(request.GET, cadres, request=request)


@require_GET
@permission_required("cadres.view_cadre", raise_exception=True)
def cadre_list(request):
    filterset = cadre_list_filter(request)
    share_channel_query(filterset)
    share_unit_query(filterset)
    context = {
        "filterset": filterset,
        "bar_fields": [filterset.form[name] for name in BAR_FIELDS],
        "more_fields": [
            filterset.form[name] for name in filterset.form.fields if name not in BAR_FIELDS + HIDDEN_FIELDS
        ],
        "more_open": more_open(filterset),
        "columns_form": ExportColumnsForm(),
        "saved_filters": SavedFilter.objects.filter(user=request.user),
    }
    if not filterset.is_valid():
        return render(request, "reports/cadre_list.html", context, status=400)
    as_of = filterset.as_of_date
    rows = filterset.qs.with_flags_on(as_of, filterset.recent_years_value).as_on(as_of)
    dated = filterset.form.cleaned_data.get("as_of") is not None
    table = CadreListTable(rows, as_of=as_of, link_as_of=as_of if dated else None)
    per_page = page_size(request)
    RequestConfig(request, paginate={"per_page": per_page}).configure(table)
    # Read by the table's own template (reports/_cadre_table.html), which sees only the table.
    table.page_sizes, table.per_page_value = PAGE_SIZES, per_page
    table.print_url = page_link(request, "cadre_list_print")
    zip_url = lrmx_zip_url(request, as_of)
    context |= {
        "table": table,
        "chips": chips(filterset, request.path),
        "per_page": per_page,
        "lrmx_zip_url": zip_url,
        "lrmx_zip_query": zip_url.partition("?")[2],
        "background_query": page_link(request, "cadre_list_export").partition("?")[2],
        "as_of": as_of,
    }
    return render(request, "reports/cadre_list.html", context)


def page_link(request, name):
    """Return the link to the page `name` with the list's filters (and chosen columns), without paging."""
    params = request.GET.copy()
    for key in ("page", "sort", "per_page"):
        params.pop(key, None)
    return f"{reverse(name)}?{params.urlencode()}"


@require_GET
@permission_required("cadres.view_cadre", raise_exception=True)
def cadre_list_print(request):
    """The whole filtered list with the chosen columns, for printing (A4 landscape, header on every page)."""
    filterset = cadre_list_filter(request)
    share_channel_query(filterset)
    columns_form = ExportColumnsForm(request.GET)
    if not (filterset.is_valid() and columns_form.is_valid()):
        errors = filterset.error_messages_list() + [e for errs in columns_form.errors.values() for e in errs]
        return plain_bad_request(f"{PARAMS_INVALID}：{'；'.join(errors)}")
    as_of, columns = filterset.as_of_date, columns_form.chosen()
    title, filters_text = title_in_words(filterset, chips(filterset, request.path))
    headers, rows = cadre_list_rows(
        filterset.qs, columns, as_of=as_of, recent_years=filterset.recent_years_value, user=request.user
    )
    context = {"title": title, "filters_text": filters_text, "headers": headers, "rows": rows, "as_of": as_of}
    return render(request, "reports/cadre_list_print.html", context)


def lrmx_zip_url(request, as_of):
    """Return the link to the .lrmx zip of the listed cadres, with the page's date as the age basis."""
    params = request.GET.copy()
    for name in PAGE_PARAMS:
        params.pop(name, None)
    params["as_of"] = as_of.isoformat()
    return f"{reverse('cadre_list_lrmx_zip')}?{params.urlencode()}"


@require_GET
@permission_required("cadres.export_cadres", raise_exception=True)
def cadre_list_json(request):
    """The filtered list as data: an export like the workbook, so for the roles that may export, and audited."""
    filterset = cadre_list_filter(request)
    if not filterset.is_valid():
        return json_error(filterset.error_messages_list())
    paginator = Paginator(filterset.qs, JSON_PAGE_SIZE)
    try:
        page = paginator.page(request.GET.get("page") or 1)
    except (EmptyPage, PageNotAnInteger):
        return json_error([PAGE_INVALID])
    audit(
        action=ReportAction.ROSTER_JSON,
        request=request,
        summary=f"截至{day_in_words(filterset.as_of_date)}，共{paginator.count}人，第{page.number}页",
        data={"query": request.GET.urlencode(), "count": paginator.count, "page": page.number},
    )
    return JsonResponse(
        {
            "count": paginator.count,
            "page": page.number,
            "pages": paginator.num_pages,
            "as_of": filterset.as_of_date.isoformat(),
            "results": [cadre_as_dict(cadre) for cadre in page.object_list],
        },
        json_dumps_params={"ensure_ascii": False},
    )


def cadre_as_dict(cadre):
    """Return one row of /cadres.json."""
    return {
        "id": cadre.pk,
        "name": cadre.name,
        "unit": cadre.unit.name,
        "channel": cadre.channel.code,
        "birth_date": cadre.birth_date.isoformat(),
        "entry_date": cadre.entry_date.isoformat() if cadre.entry_date else None,
    }


def json_error(messages_list):
    return JsonResponse(
        {"error": PARAMS_INVALID, "messages": messages_list}, status=400, json_dumps_params={"ensure_ascii": False}
    )


@require_GET
@permission_required("cadres.export_cadres", raise_exception=True)
def cadre_list_export(request):
    filterset = cadre_list_filter(request)
    columns_form = ExportColumnsForm(request.GET)
    if not (filterset.is_valid() and columns_form.is_valid()):
        errors = filterset.error_messages_list() + [e for errs in columns_form.errors.values() for e in errs]
        return HttpResponseBadRequest(
            f"{PARAMS_INVALID}：{'；'.join(errors)}", content_type="text/plain; charset=utf-8"
        )
    as_of, columns = filterset.as_of_date, columns_form.chosen()
    workbook, rows = cadre_list_workbook(
        filterset.qs,
        columns,
        as_of=as_of,
        recent_years=filterset.recent_years_value,
        user=request.user,
        title=EXPORT_TITLE.format(as_of=day_in_words(as_of)),
    )
    audit(
        action=ReportAction.ROSTER_EXPORT,
        request=request,
        summary=f"截至{day_in_words(as_of)}，{rows}人，{len(columns)}列",
        data={"query": request.GET.urlencode(), "columns": [column.key for column in columns], "rows": rows},
    )
    return xlsx_response(workbook, EXPORT_FILENAME.format(as_of=as_of))


@require_GET
@permission_required("cadres.export_cadres", raise_exception=True)
def cadre_list_lrmx_zip(request):
    """The filtered list as a zip of `序号.姓名.lrmx` files, ages as of the `as_of` the user chose."""
    filterset = cadre_list_filter(request)
    if not filterset.is_valid():
        return plain_bad_request(f"{PARAMS_INVALID}：{'；'.join(filterset.error_messages_list())}")
    if not request.GET.get("as_of"):
        return plain_bad_request(LRMX_AS_OF_REQUIRED)
    as_of = filterset.as_of_date
    archive, ids = cadre_list_lrmx_archive(filterset.qs, as_of=as_of, filled_on=timezone.localdate(), user=request.user)
    if not ids:
        archive.close()
        return plain_bad_request(LRMX_NOTHING)
    audit(
        action=CadreAction.LRMX_EXPORT,
        request=request,
        summary=LRMX_ZIP_SUMMARY.format(as_of=day_in_words(as_of), count=len(ids)),
        data={"query": request.GET.urlencode(), "as_of": as_of.isoformat(), "cadres": ids},
    )
    return file_response(archive, LRMX_ZIP_FILENAME.format(as_of=as_of), "application/zip")


def plain_bad_request(message):
    return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")


@require_POST
@permission_required("cadres.view_cadre", raise_exception=True)
def saved_filter_create(request):
    name, query = request.POST.get("name", ""), request.POST.get("query", "")
    try:
        saved = saved_filter_save(user=request.user, name=name, query=query)
    except ValidationError as error:
        messages.error(request, SAVE_INVALID.format(errors="；".join(error.messages)))
        return redirect(f"{reverse('cadre_list')}?{query}")
    messages.success(request, SAVED.format(name=saved.name))
    return redirect(f"{reverse('cadre_list')}?{saved.query}")


@require_GET
@permission_required("cadres.view_cadre", raise_exception=True)
def saved_filter_open(request, pk):
    """Open one of the user's own saved filters; another user's is a 404."""
    saved = get_object_or_404(SavedFilter, pk=pk, user=request.user)
    return redirect(f"{reverse('cadre_list')}?{saved.query}")


@require_POST
@permission_required("cadres.view_cadre", raise_exception=True)
def saved_filter_remove(request, pk):
    saved = get_object_or_404(SavedFilter, pk=pk, user=request.user)
    saved_filter_delete(saved_filter=saved)
    messages.success(request, DELETED.format(name=saved.name))
    return redirect("cadre_list")
