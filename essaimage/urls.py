from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.contrib.sitemaps import views as sitemap_views
from django.urls import path, reverse_lazy

from essaimage import forms, hooks, views

# /sitemap.xml: an index of each app's sitemaps (the core's pages, the catalogue...).
SITEMAPS = hooks.sitemaps()

PAGES = [
    ("accessibilite/", "accessibility", "essaimage/pages/accessibility.html"),
    ("mentions-legales/", "legal", "essaimage/pages/legal.html"),
    ("donnees-personnelles/", "privacy", "essaimage/pages/privacy.html"),
    ("a-propos/", "about", "essaimage/pages/about.html"),
]

public = login_not_required

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    *[path(route, views.PageView.as_view(template_name=tpl), name=name) for route, name, tpl in PAGES],
    path("plan-du-site/", views.SitemapPageView.as_view(template_name="essaimage/pages/sitemap.html"), name="sitemap"),
    path("sitemap.xml", public(sitemap_views.index), {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
         name="sitemap_xml"),
    path("sitemap-<section>.xml", public(sitemap_views.sitemap), {"sitemaps": SITEMAPS}, name="sitemap_section"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("compte/inscription/", views.SignupView.as_view(), name="signup"),
    path("compte/inscription/envoyee/", views.SignupDoneView.as_view(), name="signup_done"),
    path("compte/inscription/confirmer/<uidb64>/<token>/", views.SignupConfirmView.as_view(),
         name="signup_confirm"),
    path("compte/connexion/", views.LoginView.as_view(), name="login"),
    path("compte/deconnexion/", auth_views.LogoutView.as_view(), name="logout"),
    path("compte/profil/", views.ProfileView.as_view(), name="profile"),
    path("mon-espace/", views.DashboardView.as_view(), name="dashboard"),
    path(
        "compte/mot-de-passe/oubli/",
        public(auth_views.PasswordResetView.as_view(
            form_class=forms.PasswordResetForm,
            template_name="essaimage/password_reset_form.html",
            success_url=reverse_lazy("password_reset_done"),
        )),
        name="password_reset",
    ),
    path(
        "compte/mot-de-passe/oubli/envoye/",
        public(auth_views.PasswordResetDoneView.as_view(template_name="essaimage/password_reset_done.html")),
        name="password_reset_done",
    ),
    path(
        "compte/mot-de-passe/nouveau/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "compte/mot-de-passe/termine/",
        public(auth_views.PasswordResetCompleteView.as_view(template_name="essaimage/password_reset_complete.html")),
        name="password_reset_complete",
    ),
    path("territoires/suggestions/", views.territory_suggestions, name="territory_suggestions"),
    *hooks.url_patterns(),  # each app's urls.py, under the prefix its hooks module gives
    path("admin/", admin.site.urls),
    path("favicon.ico", views.favicon),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# The site's own error pages (essaimage/errors.py).
handler400 = "essaimage.errors.bad_request"
handler403 = "essaimage.errors.permission_denied"
handler404 = "essaimage.errors.page_not_found"
handler500 = "essaimage.errors.server_error"
