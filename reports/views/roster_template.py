"""The roster import template download."""

from django.contrib.auth.decorators import permission_required
from django.views.decorators.http import require_GET

from ..excel import xlsx_response
from ..roster_template import FILENAME, roster_template


@require_GET
@permission_required("cadres.import_cadres", raise_exception=True)
def roster_template_download(request):
    return xlsx_response(roster_template(), FILENAME)
