from django.urls import path

from .views import audit, profile

urlpatterns = [
    path("cadres/<int:pk>/", profile.cadre_detail, name="cadre_detail"),
    path("audit/", audit.audit_log, name="audit_log"),
]
