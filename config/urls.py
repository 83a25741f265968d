from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

admin.site.site_header = "年轻干部储备管理"
admin.site.site_title = "年轻干部储备管理"
admin.site.index_title = "数据维护"

urlpatterns = [
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    path("", include("cadres.urls")),
    path("", include("reports.urls")),
]
