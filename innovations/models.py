import uuid
from pathlib import PurePath

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from essaimage.models import LONG_TEXT_MAX_LENGTH, MEDIUM_TEXT_MAX_LENGTH, Organisation, Territory
from innovations.enums import ModerationAction, ReplicationStatus, ScalingMode, Stage, Status, TeamRole


# Names of themes, places and organisation in the search document (services._search_extra).
SEARCH_EXTRA_MAX_LENGTH = 2_000


class Theme(models.Model):
    slug = models.SlugField(_("identifiant dans les adresses"), unique=True)
    name = models.CharField(_("nom"), max_length=80, unique=True)
    position = models.PositiveSmallIntegerField(_("ordre d’affichage"), default=0)

    class Meta:
        verbose_name = _("thème")
        verbose_name_plural = _("thèmes")
        ordering = ["position", "name"]

    def __str__(self):
        return self.name


class Innovation(models.Model):
    audit_actions = ModerationAction  # how its audit entries' actions read (essaimage.audit_labels)

    slug = models.SlugField(_("identifiant dans l’adresse"), max_length=90, unique=True)
    title = models.CharField(_("titre"), max_length=160)
    summary = models.TextField(_("résumé"), max_length=500, blank=True)
    # Ids of Theme rows (the taxonomy is reference data): one column, so that the catalogue's
    # theme filter and counts need no join.
    theme_ids = ArrayField(models.PositiveIntegerField(), verbose_name=_("thèmes"), default=list, blank=True)
    stage = models.CharField(_("stade"), max_length=20, choices=Stage.choices, default=Stage.IDEE)
    status = models.CharField(_("statut"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    problem = models.TextField(_("problème traité"), max_length=LONG_TEXT_MAX_LENGTH, blank=True)
    solution = models.TextField(_("solution mise en œuvre"), max_length=LONG_TEXT_MAX_LENGTH, blank=True)
    public_concerned = models.TextField(_("public concerné"), max_length=MEDIUM_TEXT_MAX_LENGTH, blank=True)
    territory = models.ForeignKey(Territory, verbose_name=_("territoire d’origine"), null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="innovations")
    # Derived from `territory` on save, for the région and département filters.
    region = models.ForeignKey(Territory, verbose_name=_("région"), null=True, blank=True, editable=False,
                               on_delete=models.PROTECT, related_name="+")
    departement = models.ForeignKey(Territory, verbose_name=_("département"), null=True, blank=True, editable=False,
                                    on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(Organisation, verbose_name=_("organisation porteuse"), null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="innovations")
    results = models.TextField(_("résultats obtenus"), max_length=LONG_TEXT_MAX_LENGTH, blank=True)
    evidence = models.TextField(_("preuves et évaluations"), max_length=LONG_TEXT_MAX_LENGTH, blank=True)
    costs = models.TextField(_("coûts"), max_length=LONG_TEXT_MAX_LENGTH, blank=True)
    links = models.TextField(_("liens"), max_length=MEDIUM_TEXT_MAX_LENGTH, blank=True)
    replication_count = models.PositiveIntegerField(_("nombre d’essaimages"), default=0, editable=False)
    # Token of the creation form: the same form posted twice creates one innovation.
    creation_token = models.UUIDField(_("jeton du formulaire de création"), null=True, blank=True, unique=True,
                                      editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("créée par"), on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(_("créée le"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)
    submitted_at = models.DateTimeField(_("soumise le"), null=True, blank=True, editable=False)
    published_at = models.DateTimeField(_("publiée le"), null=True, blank=True, editable=False)
    # Search: names of themes, territory and organisation (kept by the services); the trigger of
    # migration 0002 computes `search_vector` and `title_search` on every INSERT and UPDATE.
    search_extra = models.TextField(_("mots de recherche ajoutés"), blank=True, editable=False,
                                    max_length=SEARCH_EXTRA_MAX_LENGTH)
    search_vector = SearchVectorField(_("document de recherche"), null=True, editable=False)
    # Title (A) and themes, places, organisation (B) only: small, so ranking thousands of
    # matches stays cheap; the full `search_vector` decides what matches.
    rank_vector = SearchVectorField(_("document de classement"), null=True, editable=False)
    title_search = models.TextField(_("titre simplifié"), blank=True, editable=False)

    class Meta:
        verbose_name = _("innovation")
        verbose_name_plural = _("innovations")
        ordering = ["-published_at", "-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=Status.values), name="innovation_status_valid"),
            models.CheckConstraint(condition=Q(stage__in=Stage.values), name="innovation_stage_valid"),
        ]
        indexes = [
            GinIndex(fields=["search_vector"], name="innovation_search_gin"),
            GinIndex(fields=["theme_ids"], name="innovation_theme_ids_gin"),
            # Covering index: the facet index is built from it alone (index-only scan, 4x faster).
            models.Index(fields=["status", "id"], name="innovation_facet_columns",
                         include=["stage", "region", "departement", "organisation", "replication_count", "theme_ids"]),
            GinIndex(OpClass("title_search", name="gin_trgm_ops"), name="innovation_title_trgm"),
            models.Index(fields=["status", "-published_at"], name="innovation_status_published"),
            models.Index(fields=["status", "-replication_count"], name="innovation_status_replic"),
            models.Index(fields=["status", "stage"], name="innovation_status_stage"),
            models.Index(fields=["status", "region"], name="innovation_status_region"),
            models.Index(fields=["status", "departement"], name="innovation_status_dept"),
            # Sort by title, accents and case aside ("Épicerie" among the E), whatever the collation.
            models.Index(fields=["status", "title_search", "id"], name="innovation_status_title"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("innovations:detail", kwargs={"slug": self.slug})

    @property
    def is_published(self):
        return Status(self.status).is_public

    @property
    def state(self) -> Status:
        """The status as its enum member: templates read `state.label`, `state.badge_class`,
        `state.is_public`... and never compare status strings."""
        return Status(self.status)

    @property
    def themes(self) -> list[Theme]:
        """The innovation's themes; selectors set `theme_list` to avoid a query per item."""
        if not hasattr(self, "theme_list"):
            self.theme_list = list(Theme.objects.filter(pk__in=self.theme_ids))
        return self.theme_list

    @property
    def link_list(self) -> list[str]:
        return [line.strip() for line in self.links.splitlines() if line.strip()]

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        instance = super().from_db(db, field_names, values, **kwargs)
        instance.status_when_loaded = instance.__dict__.get("status")
        return instance

    @property
    def in_published_catalogue(self) -> bool:
        """Published now, or when it was read from the database (a write changes the catalogue)."""
        return Status.PUBLISHED in (self.status, getattr(self, "status_when_loaded", None))

    def save(self, *args, **kwargs):
        self.region_id, self.departement_id = territory_ancestors(self.territory)
        super().save(*args, **kwargs)
        self.status_when_loaded = self.status


def territory_ancestors(territory: Territory | None) -> tuple[int | None, int | None]:
    """(région id, département id) of a territory, whatever its level."""
    if territory is None:
        return None, None
    if territory.level == "region":
        return territory.pk, None
    if territory.level == "departement":
        return territory.parent_id, territory.pk
    departement = territory.parent
    return (departement.parent_id if departement else None), territory.parent_id


class TeamMember(models.Model):
    innovation = models.ForeignKey(Innovation, verbose_name=_("innovation"), on_delete=models.CASCADE,
                                   related_name="members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("agent"), on_delete=models.CASCADE,
                             related_name="innovation_memberships")
    role = models.CharField(_("rôle"), max_length=12, choices=TeamRole.choices, default=TeamRole.COAUTHOR)

    class Meta:
        verbose_name = _("membre de l’équipe")
        verbose_name_plural = _("membres de l’équipe")
        constraints = [
            models.UniqueConstraint(fields=["innovation", "user"], name="team_member_unique"),
            models.CheckConstraint(condition=Q(role__in=TeamRole.values), name="team_member_role_valid"),
        ]

    def __str__(self):
        return f"{self.user} ({self.get_role_display().lower()})"


class BusinessModel(models.Model):
    """Proposal 4: the grid characterising the economic model of an innovation."""

    TEXT_PARTS = [
        "value_proposition", "beneficiaries", "key_partners", "key_resources", "cost_structure",
        "revenue_model", "transfer_skills", "transfer_budget", "transfer_time", "transfer_legal",
    ]

    innovation = models.OneToOneField(Innovation, verbose_name=_("innovation"), on_delete=models.CASCADE,
                                      related_name="business_model")
    value_proposition = models.TextField(_("proposition de valeur"), max_length=MEDIUM_TEXT_MAX_LENGTH, blank=True)
    beneficiaries = models.TextField(_("bénéficiaires"), max_length=MEDIUM_TEXT_MAX_LENGTH, blank=True)
    key_partners = models.TextField(_("partenaires clés"), max_length=MEDIUM_TEXT_MAX_LENGTH, blank=True)
    key_resources = models.TextField(_("ressources clés"), max_length=MEDIUM_TEXT_MAX_LENGTH, blank=True)
    cost_structure = models.TextField(_("structure des coûts"), max_length=MEDIUM_TEXT_MAX_LENGTH, blank=True)
    revenue_model = models.TextField(_("modèle de revenus ou d’économies"), max_length=MEDIUM_TEXT_MAX_LENGTH,
                                     blank=True)
    transfer_skills = models.TextField(_("compétences nécessaires au transfert"), max_length=MEDIUM_TEXT_MAX_LENGTH,
                                       blank=True)
    transfer_budget = models.TextField(_("budget nécessaire au transfert"), max_length=MEDIUM_TEXT_MAX_LENGTH,
                                       blank=True)
    transfer_time = models.TextField(_("délai de mise en œuvre"), max_length=MEDIUM_TEXT_MAX_LENGTH, blank=True)
    transfer_legal = models.TextField(_("prérequis juridiques"), max_length=MEDIUM_TEXT_MAX_LENGTH, blank=True)

    class Meta:
        verbose_name = _("grille du modèle économique")
        verbose_name_plural = _("grilles du modèle économique")

    def __str__(self):
        return _("Modèle économique de « %(title)s »") % {"title": self.innovation}

    def completeness(self, funding_total=None) -> dict:
        """Parts filled out of all parts (the funding mix counts as one part when it totals 100 %)."""
        filled = sum(1 for part in self.TEXT_PARTS if getattr(self, part).strip())
        if funding_total is None:
            funding_total = sum(source.share for source in self.funding_sources.all())
        filled += 1 if funding_total == 100 else 0
        total = len(self.TEXT_PARTS) + 1
        return {"filled": filled, "total": total, "percent": round(100 * filled / total)}


class FundingSource(models.Model):
    business_model = models.ForeignKey(BusinessModel, verbose_name=_("grille du modèle économique"),
                                       on_delete=models.CASCADE, related_name="funding_sources")
    label = models.CharField(_("source de financement"), max_length=120)
    share = models.PositiveSmallIntegerField(_("part (%)"), validators=[MinValueValidator(1), MaxValueValidator(100)])

    class Meta:
        verbose_name = _("source de financement")
        verbose_name_plural = _("sources de financement")
        ordering = ["-share", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(share__gte=1) & Q(share__lte=100), name="funding_share_range"),
        ]

    def __str__(self):
        return f"{self.label} ({self.share}\u00a0%)"


def attachment_path(instance, filename):
    return f"innovations/{instance.innovation_id}/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}"


class Attachment(models.Model):
    innovation = models.ForeignKey(Innovation, verbose_name=_("innovation"), on_delete=models.CASCADE,
                                   related_name="attachments")
    file = models.FileField(_("fichier"), upload_to=attachment_path)
    original_name = models.CharField(_("nom du fichier"), max_length=200)
    description = models.CharField(_("description du document"), max_length=300, blank=True)
    content_type = models.CharField(_("type de fichier"), max_length=60)
    size = models.PositiveIntegerField(_("taille (octets)"))
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("déposée par"), null=True,
                                    on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(_("déposée le"), default=timezone.now)

    class Meta:
        verbose_name = _("pièce jointe")
        verbose_name_plural = _("pièces jointes")
        ordering = ["uploaded_at", "id"]

    def __str__(self):
        return self.original_name


class Revision(models.Model):
    """A snapshot of an innovation's texts after each edit by its team: the history."""

    innovation = models.ForeignKey(Innovation, verbose_name=_("innovation"), on_delete=models.CASCADE,
                                   related_name="revisions")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("auteur"), null=True,
                               on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("date"), default=timezone.now)
    status = models.CharField(_("statut"), max_length=20, choices=Status.choices)
    data = models.JSONField(_("contenu"))
    changed_fields = models.JSONField(_("champs modifiés"), default=list)

    class Meta:
        verbose_name = _("version")
        verbose_name_plural = _("versions")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return _("Version du %(date)s") % {"date": timezone.localtime(self.created_at).strftime("%d/%m/%Y à %H:%M")}


class Replication(models.Model):
    """A declaration that an organisation takes up the innovation in its territory."""

    innovation = models.ForeignKey(Innovation, verbose_name=_("innovation"), on_delete=models.CASCADE,
                                   related_name="replications")
    organisation = models.ForeignKey(Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT,
                                     related_name="replications")
    territory = models.ForeignKey(Territory, verbose_name=_("territoire"), on_delete=models.PROTECT,
                                  related_name="replications")
    declared_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("déclaré par"), on_delete=models.PROTECT,
                                    related_name="replications")
    scaling_mode = models.CharField(_("mode d’essaimage"), max_length=20, choices=ScalingMode.choices)
    status = models.CharField(_("état"), max_length=20, choices=ReplicationStatus.choices,
                              default=ReplicationStatus.INTERESSE)
    adaptations = models.TextField(_("adaptations"), max_length=MEDIUM_TEXT_MAX_LENGTH, blank=True)
    parent = models.ForeignKey("self", verbose_name=_("essaimé à partir de"), null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="children")
    created_at = models.DateTimeField(_("déclaré le"), default=timezone.now)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        verbose_name = _("essaimage")
        verbose_name_plural = _("essaimages")
        ordering = ["-created_at", "-id"]
        constraints = [
            # One declaration per agent, innovation and territory (a double post, or a second try,
            # lands on the existing one; nobody can block another agent's declaration).
            models.UniqueConstraint(fields=["innovation", "declared_by", "territory"], name="replication_unique"),
            models.CheckConstraint(condition=Q(status__in=ReplicationStatus.values), name="replication_status_valid"),
            models.CheckConstraint(condition=Q(scaling_mode__in=ScalingMode.values), name="replication_mode_valid"),
        ]

    @property
    def state(self) -> ReplicationStatus:
        return ReplicationStatus(self.status)

    def __str__(self):
        return f"{self.innovation} → {self.territory}"
