from django.db import models
from django.utils.translation import gettext_lazy as _

from essaimage.transitions import transition


class Stage(models.TextChoices):
    IDEE = "idee", _("Idée")
    EXPERIMENTATION = "experimentation", _("Expérimentation")
    EPROUVEE = "eprouvee", _("Éprouvée")
    EN_ESSAIMAGE = "en_essaimage", _("En essaimage")
    GENERALISEE = "generalisee", _("Généralisée")


class Status(models.TextChoices):
    DRAFT = "draft", _("Brouillon")
    SUBMITTED = "submitted", _("En attente de modération")
    CHANGES_REQUESTED = "changes_requested", _("Modifications demandées")
    PUBLISHED = "published", _("Publiée")
    ARCHIVED = "archived", _("Archivée")

    # Display helpers and state groups: templates read these, never compare status strings.
    @property
    def badge_class(self) -> str:
        """Modifier of the DSFR badge that shows this status."""
        return STATUS_BADGES[self]

    @property
    def is_public(self) -> bool:
        """In the public catalogue: anyone may open the sheet."""
        return self in PUBLIC_STATES

    @property
    def is_under_review(self) -> bool:
        return self == Status.SUBMITTED

    @property
    def is_editable(self) -> bool:
        """The team may still change the sheet."""
        return self in EDITABLE_STATES


class ModerationAction(models.TextChoices):
    SUBMIT = "submit", _("Soumettre")
    PUBLISH = "publish", _("Publier")
    REQUEST_CHANGES = "request_changes", _("Demander des modifications")
    ARCHIVE = "archive", _("Archiver")
    RESTORE = "restore", _("Republier")


STATUS_BADGES = {
    Status.DRAFT: "",
    Status.SUBMITTED: "fr-badge--info",
    Status.CHANGES_REQUESTED: "fr-badge--warning",
    Status.PUBLISHED: "fr-badge--success",
    Status.ARCHIVED: "fr-badge--purple-glycine",
}
PUBLIC_STATES = frozenset({Status.PUBLISHED})
EDITABLE_STATES = frozenset(Status) - {Status.ARCHIVED}

# action -> Transition(allowed source states, target state) (essaimage/transitions.py); the only
# way an innovation changes status. Who may do each action: innovations.rules.ACTION_PERMISSIONS.
TRANSITIONS = {
    ModerationAction.SUBMIT: transition({Status.DRAFT, Status.CHANGES_REQUESTED}, Status.SUBMITTED),
    ModerationAction.PUBLISH: transition({Status.SUBMITTED}, Status.PUBLISHED),
    ModerationAction.REQUEST_CHANGES: transition({Status.SUBMITTED}, Status.CHANGES_REQUESTED),
    ModerationAction.ARCHIVE: transition({Status.PUBLISHED}, Status.ARCHIVED),
    ModerationAction.RESTORE: transition({Status.ARCHIVED}, Status.PUBLISHED),
}
SUBMITTABLE = TRANSITIONS[ModerationAction.SUBMIT].sources  # states a team may submit from
MODERATOR_ACTIONS = {ModerationAction.PUBLISH, ModerationAction.REQUEST_CHANGES,
                     ModerationAction.ARCHIVE, ModerationAction.RESTORE}


class TeamRole(models.TextChoices):
    OWNER = "owner", _("Porteur")
    COAUTHOR = "coauthor", _("Co-auteur")


class ScalingMode(models.TextChoices):
    DIFFUSION = "diffusion", _("Diffusion")
    PARTENARIAT = "partenariat", _("Partenariat")
    AFFILIATION = "affiliation", _("Affiliation ou franchise")
    FILIALE = "filiale", _("Filiale")


class ReplicationStatus(models.TextChoices):
    INTERESSE = "interesse", _("Intéressé")
    EN_COURS = "en_cours", _("En cours")
    REALISE = "realise", _("Réalisé")
    ABANDONNE = "abandonne", _("Abandonné")

    @property
    def badge_class(self) -> str:
        return REPLICATION_BADGES[self]


REPLICATION_BADGES = {
    ReplicationStatus.INTERESSE: "fr-badge--info",
    ReplicationStatus.EN_COURS: "fr-badge--new",
    ReplicationStatus.REALISE: "fr-badge--success",
    ReplicationStatus.ABANDONNE: "",
}

# The same table shape as TRANSITIONS; the declarer chooses the new state, so each action is
# its target state: "move to EN_COURS" may start from INTERESSE, REALISE or ABANDONNE...
REPLICATION_TRANSITIONS = {
    ReplicationStatus.INTERESSE: transition({ReplicationStatus.EN_COURS, ReplicationStatus.ABANDONNE},
                                            ReplicationStatus.INTERESSE),
    ReplicationStatus.EN_COURS: transition({ReplicationStatus.INTERESSE, ReplicationStatus.REALISE,
                                            ReplicationStatus.ABANDONNE}, ReplicationStatus.EN_COURS),
    ReplicationStatus.REALISE: transition({ReplicationStatus.INTERESSE, ReplicationStatus.EN_COURS},
                                          ReplicationStatus.REALISE),
    ReplicationStatus.ABANDONNE: transition({ReplicationStatus.INTERESSE, ReplicationStatus.EN_COURS,
                                             ReplicationStatus.REALISE}, ReplicationStatus.ABANDONNE),
}
# Replications that count as the innovation reaching a territory.
ACTIVE_REPLICATION = [ReplicationStatus.INTERESSE, ReplicationStatus.EN_COURS, ReplicationStatus.REALISE]


class Sort(models.TextChoices):
    RELEVANCE = "pertinence", _("Pertinence")
    NEWEST = "recent", _("Les plus récentes")
    MOST_REPLICATED = "essaimees", _("Les plus essaimées")
    TITLE = "titre", _("Titre (A à Z)")
