from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "年轻干部储备管理"
admin.site.site_title = "年轻干部储备管理"
admin.site.index_title = "数据维护"

urlpatterns = [
    path("", include("accounts.urls")),
    path("admin/", admin.site.urls),
    path("", include("audit.urls")),
    path("", include("cadres.urls")),
    path("", include("reports.urls")),
    path("", include("staffing.urls")),
    path("", include("jobs.urls")),
]

# Errors of a JSON request answer in JSON, the pages with their Chinese templates (config/edge.py).
handler400 = "config.edge.bad_request"
handler403 = "config.edge.permission_denied"
handler404 = "config.edge.page_not_found"
handler500 = "config.edge.server_error"
