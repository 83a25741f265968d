from django.urls import path

from .views import audit, lrmx, profile, quality

urlpatterns = [
    path("cadres/<int:pk>/", profile.cadre_detail, name="cadre_detail"),
    path("audit/", audit.audit_log, name="audit_log"),
    path("cadres/<int:pk>.lrmx", lrmx.cadre_lrmx_download, name="cadre_lrmx"),
    path("cadres/import-lrmx/", lrmx.lrmx_import, name="lrmx_import"),
    path("quality/", quality.quality_page, name="quality"),
]
