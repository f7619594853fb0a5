from django.urls import include, path

from grants import views

app_name = "grants"

urlpatterns = [
    path("", views.call_list, name="call_list"),
    path("appels/<slug:slug>/", views.call_detail, name="call_detail"),
    path("appels/<slug:slug>/postuler/", views.apply, name="apply"),
    path("mes-demandes/", views.my_applications, name="mine"),
    path("demandes/<int:pk>/", views.application_detail, name="application_detail"),
    path("demandes/<int:pk>/modifier/", views.ApplicationEditView.as_view(), name="application_update"),
    path("demandes/<int:pk>/recepisse/", views.application_receipt, name="application_receipt"),
    path("demandes/<int:pk>/action/", views.application_action, name="application_action"),
    path("demandes/<int:pk>/supprimer/", views.application_delete, name="application_delete"),
    path("demandes/<int:pk>/complements/", views.info_request, name="info_request"),
    path("demandes/<int:pk>/messages/", views.message_post, name="message_post"),
    path("demandes/<int:pk>/messages/<int:message_pk>/piece/", views.message_attachment, name="message_attachment"),
    path("demandes/<int:pk>/annotations/", views.annotation_add, name="annotation_add"),
    path("demandes/<int:pk>/pieces/<int:document_pk>/", views.document_download, name="document"),
    path("instruction/", views.instruction, name="instruction"),
    path("instruction/programmes/nouveau/", views.ProgrammeEditView.as_view(), name="programme_create"),
    path("instruction/programmes/<slug:slug>/modifier/", views.ProgrammeEditView.as_view(), name="programme_update"),
    path("instruction/programmes/<slug:programme_slug>/appels/nouveau/", views.CallEditView.as_view(),
         name="call_create"),
    path("instruction/appels/<slug:slug>/modifier/", views.CallEditView.as_view(), name="call_update"),
    path("instruction/appels/<slug:slug>/criteres/", views.call_criteria, name="call_criteria"),
    path("instruction/appels/<slug:slug>/demandes/", views.call_applications, name="call_applications"),
    path("", include("grants.review_urls")),  # part 2: reviews, decisions, follow-up, exports, open data
]
