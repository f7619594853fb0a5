from django.db import models
from django.utils.translation import gettext_lazy as _


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


class ModerationAction(models.TextChoices):
    SUBMIT = "submit", _("Soumettre")
    PUBLISH = "publish", _("Publier")
    REQUEST_CHANGES = "request_changes", _("Demander des modifications")
    ARCHIVE = "archive", _("Archiver")
    RESTORE = "restore", _("Republier")


# action -> (allowed source states, target state); the only way an innovation changes status.
TRANSITIONS = {
    ModerationAction.SUBMIT: ({Status.DRAFT, Status.CHANGES_REQUESTED}, Status.SUBMITTED),
    ModerationAction.PUBLISH: ({Status.SUBMITTED}, Status.PUBLISHED),
    ModerationAction.REQUEST_CHANGES: ({Status.SUBMITTED}, Status.CHANGES_REQUESTED),
    ModerationAction.ARCHIVE: ({Status.PUBLISHED}, Status.ARCHIVED),
    ModerationAction.RESTORE: ({Status.ARCHIVED}, Status.PUBLISHED),
}
SUBMITTABLE = TRANSITIONS[ModerationAction.SUBMIT][0]  # states a team may submit from
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


REPLICATION_TRANSITIONS = {
    ReplicationStatus.INTERESSE: {ReplicationStatus.EN_COURS, ReplicationStatus.REALISE, ReplicationStatus.ABANDONNE},
    ReplicationStatus.EN_COURS: {ReplicationStatus.REALISE, ReplicationStatus.ABANDONNE, ReplicationStatus.INTERESSE},
    ReplicationStatus.REALISE: {ReplicationStatus.EN_COURS, ReplicationStatus.ABANDONNE},
    ReplicationStatus.ABANDONNE: {ReplicationStatus.INTERESSE, ReplicationStatus.EN_COURS},
}
# Replications that count as the innovation reaching a territory.
ACTIVE_REPLICATION = [ReplicationStatus.INTERESSE, ReplicationStatus.EN_COURS, ReplicationStatus.REALISE]


class Sort(models.TextChoices):
    RELEVANCE = "pertinence", _("Pertinence")
    NEWEST = "recent", _("Les plus récentes")
    MOST_REPLICATED = "essaimees", _("Les plus essaimées")
    TITLE = "titre", _("Titre (A à Z)")
