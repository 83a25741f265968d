from django.urls import path

from . import views

urlpatterns = [
    path("pool/", views.pool_overview, name="pool_overview"),
    path("pool/list/", views.pool_list, name="pool_list"),
    path("pool/enter/<int:cadre_pk>/", views.pool_enter, name="pool_enter"),
    path("pool/enter/", views.pool_enter_many, name="pool_enter_many"),
    path("pool/<int:pk>/status/", views.pool_status, name="pool_status"),
    path("pool/<int:pk>/exit/", views.pool_exit, name="pool_exit"),
]
