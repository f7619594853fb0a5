from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    MINISTERE = "ministere", _("Ministère")
    SERVICE_DECONCENTRE = "service_deconcentre", _("Service déconcentré de l’État")
    OPERATEUR = "operateur", _("Opérateur de l’État")
    COLLECTIVITE = "collectivite", _("Collectivité territoriale")
    ASSOCIATION = "association", _("Association ou fondation")
    ENTREPRISE_ESS = "entreprise_ess", _("Entreprise de l’ESS")
    AUTRE = "autre", _("Autre")


class TerritoryLevel(models.TextChoices):
    REGION = "region", _("Région")
    DEPARTEMENT = "departement", _("Département")
    COMMUNE = "commune", _("Commune")


class Role(models.TextChoices):
    """Roles are Django groups named by these values."""

    AGENT = "agent", _("Agent")
    MODERATEUR = "moderateur", _("Modérateur")
    INSTRUCTEUR = "instructeur", _("Instructeur")
    EVALUATEUR = "evaluateur", _("Évaluateur")
    JURE = "jure", _("Juré")
    PARRAIN = "parrain", _("Parrain ou marraine")
    ORGANISATEUR = "organisateur", _("Organisateur")
    ADMINISTRATEUR = "administrateur", _("Administrateur")
