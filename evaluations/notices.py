"""The kinds of notice prize campaigns send, and campaigns as something one may follow
(registered with the notifications core from EvaluationsConfig.ready)."""

from django.utils.translation import gettext_lazy as _

from notifications import registry

ENTRY_SUBMITTED = "campaign_entry_submitted"
ENTRY_RULED = "campaign_entry_ruled"
PHASE_CHANGED = "campaign_phase_changed"
PHASE_EXTENDED = "campaign_phase_extended"
RESULTS_PUBLISHED = "campaign_results_published"


def register():
    from evaluations.models import Campaign

    registry.register_followable(
        Campaign, view_permission="evaluations.view_campaign", follow_label=_("Suivre cette campagne"),
        following_text=_("Vous suivez cette campagne : l’ouverture de chaque phase, ses prolongations et ses résultats "
                         "vous sont signalés."),
        followed_message=_("Vous suivez « %(object)s » : vous serez averti de chaque phase et des résultats."))
    see_campaign = _("Voir la campagne")
    for code, label, description, template, action_label in [
        (ENTRY_SUBMITTED, _("Candidatures déposées (organisateurs)"),
         _("Organisateurs : une équipe dépose sa candidature à votre campagne."), "entry_submitted",
         _("Examiner la candidature")),
        (ENTRY_RULED, _("Recevabilité de mes candidatures"),
         _("L’organisateur déclare votre candidature recevable ou irrecevable, ou la retire."), "entry_ruled",
         _("Voir ma candidature")),
        (PHASE_CHANGED, _("Phases des campagnes que je suis"),
         _("Une campagne que vous suivez ou à laquelle vous participez ouvre une nouvelle phase."), "phase_changed",
         see_campaign),
        (PHASE_EXTENDED, _("Prolongations de phase"),
         _("Une campagne que vous suivez ou à laquelle vous participez prolonge sa phase en cours."), "phase_extended",
         see_campaign),
        (RESULTS_PUBLISHED, _("Résultats des campagnes"),
         _("Les résultats d’une campagne que vous suivez ou à laquelle vous participez sont publiés."),
         "results_published", _("Voir les résultats")),
    ]:
        registry.register_kind(code=code, label=label, description=description,
                               template=f"evaluations/emails/{template}", action_label=action_label)
