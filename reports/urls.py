from django.urls import path

from .views import appointment_form, cadre_list, monthly, roster_template, search, trend, young_cadres

urlpatterns = [
    path("", young_cadres.home, name="home"),
    path("reports/young-cadres/", young_cadres.young_cadres_page, name="young_cadres"),
    path("reports/young-cadres.json", young_cadres.young_cadres_json, name="young_cadres_json"),
    path("reports/young-cadres.xlsx", young_cadres.young_cadres_xlsx, name="young_cadres_xlsx"),
    path("reports/trend/", trend.trend_page, name="trend"),
    path("reports/trend.json", trend.trend_json, name="trend_json"),
    path("reports/forecast/", trend.forecast_page, name="forecast"),
    path("reports/forecast.json", trend.forecast_json, name="forecast_json"),
    path("cadres/", cadre_list.cadre_list, name="cadre_list"),
    path("cadres/search/", search.cadre_search, name="cadre_search"),
    path("cadres/print/", cadre_list.cadre_list_print, name="cadre_list_print"),
    path("cadres.json", cadre_list.cadre_list_json, name="cadre_list_json"),
    path("cadres/export.xlsx", cadre_list.cadre_list_export, name="cadre_list_export"),
    path("cadres/export.lrmx.zip", cadre_list.cadre_list_lrmx_zip, name="cadre_list_lrmx_zip"),
    path("cadres/saved/", cadre_list.saved_filter_create, name="saved_filter_create"),
    path("cadres/saved/<int:pk>/", cadre_list.saved_filter_open, name="saved_filter_open"),
    path("cadres/saved/<int:pk>/delete/", cadre_list.saved_filter_remove, name="saved_filter_remove"),
    path("reports/monthly/", monthly.monthly_list, name="monthly_list"),
    path("reports/monthly/<int:pk>/", monthly.monthly_detail, name="monthly_detail"),
    path("reports/monthly/<int:pk>.xlsx", monthly.monthly_download, name="monthly_download"),
    path("reports/monthly/<int:pk>/sent/", monthly.monthly_mark_sent, name="monthly_mark_sent"),
    path("cadres/<int:pk>/form.xlsx", appointment_form.appointment_form_xlsx, name="cadre_form_xlsx"),
    path("import/template.xlsx", roster_template.roster_template_download, name="roster_template"),
]
