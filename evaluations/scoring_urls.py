"""URLs of the scoring (included first in `evaluations/urls.py`: `<slug>/organisation/jury/` must
come before part 1's `<slug>/organisation/<kind>/`)."""

from django.urls import path

from evaluations import scoring_views as views

urlpatterns = [
    path("jury/invitation/<str:token>/", views.juror_invitation, name="juror_invitation"),
    path("evaluation/<int:pk>/", views.assignment_detail, name="assignment"),
    path("evaluation/<int:pk>/conflit/", views.assignment_conflict, name="assignment_conflict"),
    path("candidatures/<int:pk>/explication/", views.explanation, name="explanation"),
    path("<slug:slug>/evaluer/", views.scoring_tasks, name="scoring_tasks"),
    path("<slug:slug>/organisation/jury/", views.jury_manage, name="jury_manage"),
    path("<slug:slug>/organisation/deliberation/", views.deliberation, name="deliberation"),
    path("<slug:slug>/organisation/export/classement.csv", views.export_ranking, name="export_ranking"),
    path("<slug:slug>/organisation/export/notes.csv", views.export_scores, name="export_scores"),
]
