"""URLs of reviews, decisions, follow-up, dashboards, exports and open data (included by
grants/urls.py; names in the `grants` namespace)."""

from django.urls import path

from grants import followup_views, review_views

urlpatterns = [
    # Evaluators
    path("evaluations/", review_views.review_queue, name="review_queue"),
    path("evaluations/<int:pk>/", review_views.assignment_detail, name="assignment"),
    # Instructeurs: a call
    path("instruction/appels/<int:call_pk>/evaluations/", review_views.call_reviews, name="call_reviews"),
    path("instruction/appels/<int:call_pk>/evaluations/attribuer/", review_views.assign_automatically,
         name="assign_automatically"),
    path("instruction/appels/<int:call_pk>/tableau-de-bord/", followup_views.call_dashboard, name="call_dashboard"),
    path("instruction/appels/<int:call_pk>/export/<slug:kind>.csv", followup_views.export, name="call_export"),
    path("instruction/programmes/<int:pk>/tableau-de-bord/", followup_views.programme_dashboard,
         name="programme_dashboard"),
    # Instructeurs: an application
    path("demandes/<int:application_pk>/evaluations/", review_views.application_reviews, name="application_reviews"),
    path("demandes/<int:application_pk>/evaluations/attribuer/", review_views.assign_by_hand, name="assign_by_hand"),
    path("demandes/<int:application_pk>/evaluations/<int:pk>/retirer/", review_views.remove_assignment,
         name="remove_assignment"),
    path("demandes/<int:application_pk>/decision/", review_views.decide, name="decide"),
    # Team and instructeurs: decision, convention, grant
    path("demandes/<int:application_pk>/decision/lettre/", review_views.decision_letter, name="decision_letter"),
    path("demandes/<int:application_pk>/convention/", review_views.convention, name="convention"),
    path("demandes/<int:application_pk>/subvention/", followup_views.grant_detail, name="grant_detail"),
    path("demandes/<int:application_pk>/subvention/convention-signee/", followup_views.sign_convention,
         name="sign_convention"),
    path("demandes/<int:application_pk>/subvention/jalons/<int:pk>/compte-rendu/", followup_views.milestone_report,
         name="milestone_report"),
    path("demandes/<int:application_pk>/subvention/jalons/<int:pk>/verification/", followup_views.milestone_check,
         name="milestone_check"),
    path("demandes/<int:application_pk>/subvention/jalons/<int:pk>/justificatif/", followup_views.milestone_evidence,
         name="milestone_evidence"),
    path("demandes/<int:application_pk>/subvention/compte-rendu-financier/", followup_views.financial_report,
         name="financial_report"),
    path("demandes/<int:application_pk>/subvention/procedure-contradictoire/", followup_views.hearing_open,
         name="hearing_open"),
    path("demandes/<int:application_pk>/subvention/procedure-contradictoire/<int:pk>/reponse/",
         followup_views.hearing_answer, name="hearing_answer"),
    path("demandes/<int:application_pk>/subvention/procedure-contradictoire/<int:pk>/clore/",
         followup_views.hearing_close, name="hearing_close"),
    path("demandes/<int:application_pk>/subvention/fin/", followup_views.grant_end, name="grant_end"),
    # Open data (public)
    path("donnees-ouvertes/", followup_views.open_data, name="open_data"),
    path("donnees-ouvertes/subventions.csv", followup_views.open_data_csv, name="open_data_csv"),
]
