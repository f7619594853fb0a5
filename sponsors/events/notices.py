"""The kinds of notice events send, and events as something one may follow (registered with the
notifications core from SponsorsConfig.ready)."""

from django.utils.translation import gettext_lazy as _

from notifications import registry

REGISTERED = "event_registered"
SEAT_OFFERED = "event_seat_offered"
OFFER_EXPIRED = "event_offer_expired"
CHANGED = "event_changed"
REMINDER = "event_reminder"
REPLICATION_INTENT = "event_replication_intent"


def register():
    from sponsors.events.models import Event

    registry.register_followable(
        Event, view_permission="sponsors.view_event", follow_label=_("Suivre cette rencontre"),
        following_text=_("Vous suivez cette rencontre : ses changements et son compte rendu vous sont signalés."),
        followed_message=_("Vous suivez « %(object)s » : vous serez averti de ses changements et de son compte rendu."))
    see_event = _("Voir la rencontre")
    for code, label, description, action_label in [
        (REGISTERED, _("Mes inscriptions aux rencontres"),
         _("Votre inscription, votre place en liste d’attente, la place que vous acceptez."), see_event),
        (SEAT_OFFERED, _("Places libérées"),
         _("Une place se libère pour une rencontre où vous êtes en liste d’attente (à accepter avant un délai)."),
         _("Accepter la place")),
        (OFFER_EXPIRED, _("Places non acceptées à temps"),
         _("La place qui vous était proposée est passée à la personne suivante."), see_event),
        (CHANGED, _("Changements des rencontres"),
         _("Une rencontre où vous êtes inscrit, ou que vous suivez, change de date, de lieu, est annulée, ou publie "
           "son compte rendu."), see_event),
        (REMINDER, _("Rappels la veille des rencontres"),
         _("Un rappel la veille d’une rencontre où vous êtes inscrit."), see_event),
        (REPLICATION_INTENT, _("Agents qui veulent essaimer mes innovations"),
         _("Une personne inscrite à une rencontre indique vouloir essaimer une innovation de votre équipe."),
         see_event),
    ]:
        registry.register_kind(code=code, label=label, description=description,
                               template=f"sponsors/events/emails/{code}", action_label=action_label)
