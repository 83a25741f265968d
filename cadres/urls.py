from django.urls import path

from .views import audit, profile

urlpatterns = [
    path("cadres/<int:pk>/", profile.cadre_detail, name="cadre_detail"),
    path("audit/", audit.audit_log, name="audit_log"),
]

from .views import roster_import  # noqa: E402

urlpatterns += [
    path("import/", roster_import.roster_import, name="roster_import"),
    path("import/confirm/", roster_import.roster_import_confirm, name="roster_import_confirm"),
]
