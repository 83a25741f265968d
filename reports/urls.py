from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("reports/young-cadres/", views.young_cadres_page, name="young_cadres"),
    path("reports/young-cadres.json", views.young_cadres_json, name="young_cadres_json"),
    path("reports/young-cadres.xlsx", views.young_cadres_xlsx, name="young_cadres_xlsx"),
]
