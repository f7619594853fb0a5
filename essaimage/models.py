import unicodedata

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin, _user_has_perm
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from essaimage.addresses import normalize_email_address
from essaimage.enums import OrganisationKind, Role, TerritoryLevel
from essaimage.validators import STORABLE_DATES, validate_plausible_date, validate_siret


# Server-side maxima of free texts (forms inherit them from the model fields): a long section of
# an innovation sheet (about ten pages), a shorter part (a grid cell, the public concerned, the
# links), and a message (moderation, audit trail). The search document is sized from them
# (innovations migration 0009).
LONG_TEXT_MAX_LENGTH = 20_000
MEDIUM_TEXT_MAX_LENGTH = 5_000
MESSAGE_MAX_LENGTH = 5_000


def fold(text: str) -> str:
    """Lower-case, accent-free form of a text, for pickers and comparisons."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    for separator in "-'’":
        plain = plain.replace(separator, " ")
    return " ".join(plain.split())


def organisation_name_key(name: str) -> str:
    """What two spellings of one organisation's name have in common: compatibility forms
    (NFKC), accents, case (casefold: « ß » is « ss »), hyphens, apostrophes and repeated spaces
    aside. « Mairie de Saint-Étienne » and « MAIRIE DE SAINT ETIENNE » are one organisation;
    punctuation such as dots is kept (« D.D.E.T.S. » is not guessed to be « DDETS »)."""
    return fold(unicodedata.normalize("NFKC", name or "")).casefold()


class Territory(models.Model):
    """A région, département or commune of the INSEE COG (loaded from essaimage/data/cog)."""

    level = models.CharField(_("niveau"), max_length=12, choices=TerritoryLevel.choices)
    code = models.CharField(_("code INSEE"), max_length=5)
    name = models.CharField(_("nom"), max_length=120)
    search_name = models.CharField(_("nom simplifié pour la recherche"), max_length=120, editable=False)
    parent = models.ForeignKey(
        "self", verbose_name=_("territoire parent"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="children",
    )

    class Meta:
        verbose_name = _("territoire")
        verbose_name_plural = _("territoires")
        ordering = ["level", "name"]
        constraints = [
            models.UniqueConstraint(fields=["level", "code"], name="territory_unique_level_code"),
            models.CheckConstraint(
                condition=Q(level__in=TerritoryLevel.values), name="territory_level_valid"
            ),
        ]
        indexes = [
            GinIndex(OpClass("search_name", name="gin_trgm_ops"), name="territory_search_trgm"),
        ]

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        if self.level == TerritoryLevel.COMMUNE:
            return f"{self.name} ({self.code})"
        if self.level == TerritoryLevel.DEPARTEMENT:
            return f"{self.name} ({self.code}, département)"
        return f"{self.name} (région)"

    def save(self, *args, **kwargs):
        self.search_name = fold(self.name)
        super().save(*args, **kwargs)


class Organisation(models.Model):
    """One row per organisation: the same name (see `organisation_name_key`) and kind, or the
    same SIRET, is the same organisation (unique constraints; services.organisation_get_or_create)."""

    name = models.CharField(_("nom"), max_length=200)
    name_key = models.CharField(_("nom normalisé"), max_length=200, editable=False, default="")
    kind = models.CharField(_("type de structure"), max_length=30, choices=OrganisationKind.choices)
    siret = models.CharField(
        _("SIRET"), max_length=14, blank=True, validators=[validate_siret],
        help_text=_("Facultatif : 14 chiffres."),
    )
    territory = models.ForeignKey(
        Territory, verbose_name=_("territoire"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="organisations",
    )
    created_at = models.DateTimeField(_("créée le"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=OrganisationKind.values), name="organisation_kind_valid"
            ),
            models.UniqueConstraint(
                fields=["siret"], condition=~Q(siret=""), name="organisation_unique_siret"
            ),
            models.UniqueConstraint(fields=["name_key", "kind"], name="organisation_unique_name_kind"),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        self.name = " ".join((self.name or "").split())
        self.name_key = organisation_name_key(self.name)
        same = Organisation.objects.filter(name_key=self.name_key, kind=self.kind).exclude(pk=self.pk)
        if self.name_key and same.exists():
            raise ValidationError(
                {"name": _("Une organisation de ce type porte déjà ce nom (à l’accent ou à la casse près).")}
            )

    def save(self, *args, **kwargs):
        self.name_key = organisation_name_key(self.name)
        if kwargs.get("update_fields") is not None and "name" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "name_key"}
        super().save(*args, **kwargs)


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra):
        if not email:
            raise ValueError("L’adresse e-mail est obligatoire.")
        user = self.model(email=normalize_email_address(email), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra["is_staff"] = True
        extra["is_superuser"] = True
        return self._create_user(email, password, **extra)

    @classmethod
    def normalize_email(cls, email):
        return normalize_email_address(email)

    def get_by_natural_key(self, username):
        """Exact match on the normal form (never ``iexact``: PostgreSQL folds « ı » into « I »)."""
        return self.get(email=normalize_email_address(username))


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(_("adresse e-mail"), unique=True)
    first_name = models.CharField(_("prénom"), max_length=150)
    last_name = models.CharField(_("nom"), max_length=150)
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="members",
    )
    territory = models.ForeignKey(
        Territory, verbose_name=_("territoire"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    is_staff = models.BooleanField(_("accès à l’administration technique"), default=False)
    is_active = models.BooleanField(_("actif"), default=True)
    date_joined = models.DateTimeField(_("inscrit le"), default=timezone.now, validators=[validate_plausible_date])
    # None while a sign-up waits for its confirmation link (the account is then inactive).
    email_confirmed_at = models.DateTimeField(_("adresse confirmée le"), null=True, blank=True,
                                              default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["first_name", "last_name"]

    class Meta:
        verbose_name = _("utilisateur")
        verbose_name_plural = _("utilisateurs")
        ordering = ["last_name", "first_name"]
        constraints = [
            # A date that cannot be read back (year 0001 is year 0 in UTC) would break the
            # user's log-in and admin page: the database refuses it whatever the way in.
            models.CheckConstraint(
                condition=Q(date_joined__gte=STORABLE_DATES[0], date_joined__lt=STORABLE_DATES[1]),
                name="user_date_joined_plausible",
            ),
            models.CheckConstraint(
                condition=Q(last_login__isnull=True)
                | Q(last_login__gte=STORABLE_DATES[0], last_login__lt=STORABLE_DATES[1]),
                name="user_last_login_plausible",
            ),
        ]

    def __str__(self):
        return self.full_name or self.email

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def get_full_name(self):
        return self.full_name

    @classmethod
    def normalize_username(cls, username):
        return normalize_email_address(username)

    def save(self, *args, **kwargs):
        self.email = normalize_email_address(self.email)
        super().save(*args, **kwargs)

    @property
    def is_pending_signup(self) -> bool:
        return not self.is_active and self.email_confirmed_at is None

    def has_perm(self, perm, obj=None):
        """The superuser's « every permission » holds for the admin site's model permissions only
        (`add_`, `change_`, `delete_`, `view_<model>`, never with an object); an object's
        permission, or a site action such as `moderate_innovation`, always goes through the
        site's rules, for the superuser too: being superuser makes one neither a team member
        nor a moderator."""
        if not self.is_active:
            return False
        if self.is_superuser and obj is None and is_model_permission(perm):
            return True
        return _user_has_perm(self, perm, obj)

    def get_short_name(self):
        return self.first_name

    def has_role(self, role: Role | str) -> bool:
        """Cached per instance: the names of the user's groups."""
        if not self.is_active:
            return False
        if not hasattr(self, "_role_names"):
            self._role_names = set(self.groups.values_list("name", flat=True))
        return str(role) in self._role_names or (
            self.is_superuser and str(role) == Role.ADMINISTRATEUR
        )


MODEL_PERMISSION_ACTIONS = ("add", "change", "delete", "view")


def is_model_permission(perm: str) -> bool:
    """`app.add_model` and the like: the permissions Django creates for its admin site."""
    from django.apps import apps

    app_label, _dot, codename = perm.partition(".")
    action, _sep, model_name = codename.partition("_")
    if action not in MODEL_PERMISSION_ACTIONS:
        return False
    try:
        apps.get_model(app_label, model_name)
    except (LookupError, ValueError):
        return False
    return True


class RateCounter(models.Model):
    """Events counted per (scope, hashed key, fixed time window): see essaimage.throttle."""

    scope = models.CharField(_("portée"), max_length=40)
    key_digest = models.CharField(_("clé (empreinte)"), max_length=64)
    window_start = models.DateTimeField(_("début de la fenêtre"))
    count = models.PositiveIntegerField(_("nombre"), default=0)

    class Meta:
        verbose_name = _("compteur de limitation")
        verbose_name_plural = _("compteurs de limitation")
        constraints = [models.UniqueConstraint(fields=["scope", "key_digest", "window_start"],
                                               name="ratecounter_one_per_window")]
        indexes = [models.Index(fields=["window_start"])]

    def __str__(self):
        return f"{self.scope} ({self.count})"


class AuditEntry(models.Model):
    """Append-only trail of status changes: who changed what, from which state to which, when."""

    content_type = models.ForeignKey(ContentType, verbose_name=_("type d’objet"), on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField(_("identifiant de l’objet"))
    action = models.CharField(_("action"), max_length=60)
    from_state = models.CharField(_("état précédent"), max_length=40, blank=True)
    to_state = models.CharField(_("nouvel état"), max_length=40, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("auteur"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    message = models.TextField(_("message"), max_length=MESSAGE_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(_("date"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("entrée du journal")
        verbose_name_plural = _("journal des changements d’état")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["content_type", "object_id", "created_at"])]

    def __str__(self):
        return _("Entrée du journal du %(date)s") % {
            "date": timezone.localtime(self.created_at).strftime("%d/%m/%Y à %H:%M")}

    # The codes in words, resolved by the audited object's content type (essaimage.audit_labels).
    @property
    def action_label(self) -> str:
        from essaimage.audit_labels import action_label

        return action_label(self.content_type_id, self.action)

    @property
    def from_label(self) -> str:
        from essaimage.audit_labels import state_label

        return state_label(self.content_type_id, self.from_state)

    @property
    def to_label(self) -> str:
        from essaimage.audit_labels import state_label

        return state_label(self.content_type_id, self.to_state)

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Le journal est en ajout seul : une entrée ne se modifie pas.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Le journal est en ajout seul : une entrée ne se supprime pas.")
