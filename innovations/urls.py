from django.urls import path

from innovations import views

app_name = "innovations"

urlpatterns = [
    path("", views.catalogue, name="list"),
    path("nouvelle/", views.InnovationEditView.as_view(), name="create"),
    path("mes-innovations/", views.my_innovations, name="mine"),
    path("moderation/", views.moderation_queue, name="moderation"),
    path("essaimages/<int:pk>/modifier/", views.ReplicationUpdateView.as_view(), name="replication_update"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/versions/<int:pk>/", views.revision, name="revision"),
    path("<slug:slug>/modifier/", views.InnovationEditView.as_view(), name="update"),
    path("<slug:slug>/soumettre/", views.submit, name="submit"),
    path("<slug:slug>/moderer/", views.moderate, name="moderate"),
    path("<slug:slug>/essaimer/", views.ReplicationCreateView.as_view(), name="replicate"),
    path("<slug:slug>/pieces-jointes/", views.attachment_add, name="attachment_add"),
    path("<slug:slug>/pieces-jointes/<int:pk>/", views.attachment_download, name="attachment"),
    path("<slug:slug>/pieces-jointes/<int:pk>/supprimer/", views.attachment_delete, name="attachment_delete"),
]
