from django.urls import path

from . import views

urlpatterns = [
    path("cadres/<int:pk>/", views.cadre_detail, name="cadre_detail"),
    path("audit/", views.audit_log, name="audit_log"),
]
