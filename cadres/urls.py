from django.urls import path

from .views import lrmx, pool, profile, quality

urlpatterns = [
    path("cadres/<int:pk>/", profile.cadre_detail, name="cadre_detail"),
    path("cadres/<int:pk>/photo.jpg", profile.cadre_photo, name="cadre_photo"),
    path("cadres/<int:pk>.lrmx", lrmx.cadre_lrmx_download, name="cadre_lrmx"),
    path("cadres/import-lrmx/", lrmx.lrmx_import, name="lrmx_import"),
    path("quality/", quality.quality_page, name="quality"),
    path("pool/", pool.pool_overview, name="pool_overview"),
    path("pool/list/", pool.pool_list, name="pool_list"),
    path("pool/enter/<int:cadre_pk>/", pool.pool_enter, name="pool_enter"),
    path("pool/<int:pk>/status/", pool.pool_status, name="pool_status"),
    path("pool/<int:pk>/exit/", pool.pool_leave, name="pool_exit"),
]

from .views import roster_import  # noqa: E402

urlpatterns += [
    path("import/", roster_import.roster_import, name="roster_import"),
    path("import/confirm/", roster_import.roster_import_confirm, name="roster_import_confirm"),
]
