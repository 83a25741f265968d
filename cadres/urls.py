from django.urls import include, path

from .views import lrmx, profile, quality, roster_import

urlpatterns = [
    path("cadres/<int:pk>/", profile.cadre_detail, name="cadre_detail"),
    path("cadres/<int:pk>/photo.jpg", profile.cadre_photo, name="cadre_photo"),
    path("cadres/<int:pk>.lrmx", lrmx.cadre_lrmx_download, name="cadre_lrmx"),
    path("cadres/import-lrmx/", lrmx.lrmx_import, name="lrmx_import"),
    path("quality/", quality.quality_page, name="quality"),
    path("", include("cadres.pool.urls")),
    path("import/", roster_import.roster_import, name="roster_import"),
    path("import/confirm/", roster_import.roster_import_confirm, name="roster_import_confirm"),
]
