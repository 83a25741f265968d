from django.urls import path

from . import views

urlpatterns = [
    path("jobs/", views.job_list, name="job_list"),
    path("jobs/start/roster-import/", views.roster_import_start, name="job_roster_import"),
    path("jobs/start/roster-preview/", views.roster_preview_start, name="job_roster_preview"),
    path("jobs/start/<str:kind>/", views.job_create, name="job_create"),
    path("jobs/<uuid:pk>/", views.job_detail, name="job_detail"),
    path("jobs/<uuid:pk>/preview/", views.job_preview, name="job_preview"),
    path("jobs/<uuid:pk>.json", views.job_status, name="job_status"),
    path("jobs/<uuid:pk>/download/", views.job_download, name="job_download"),
]
