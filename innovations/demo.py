"""Demo catalogue: the innovations of demo_content.py, created through the services (refused in
production by the `load_demo_data` command). Idempotent: an innovation whose slug exists is skipped."""

from django.core.files.base import ContentFile
from django.utils.text import slugify

from essaimage.demo import create_demo_user
from essaimage.enums import Role
from essaimage.models import Territory, User
from essaimage.services import organisation_get_or_create, user_set_roles
from innovations import notices, services
from innovations.demo_content import INNOVATIONS
from innovations.enums import ModerationAction, Status
from innovations.models import Innovation, Replication, Theme
from notifications import services as notifications
from notifications.models import Follow

REPLICATOR_NAMES = [("Nadia", "Lefèvre"), ("Thomas", "Girard"), ("Sophie", "Perrin"), ("Karim", "Haddad"),
                    ("Élodie", "Roux"), ("Marc", "Chevalier"), ("Julie", "Lambert"), ("Hugo", "Fabre")]


def tiny_pdf(title: str) -> bytes:
    """A valid one-page PDF carrying a title line (for demo attachments)."""
    text = title.encode("latin-1", "replace").replace(b"(", b"[").replace(b")", b"]")
    stream = b"BT /F1 14 Tf 60 760 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _commune(code):
    return Territory.objects.filter(level="commune", code=code).select_related("parent").first()


def _user(email, first, last, organisation=None, territory=None):
    user = User.objects.filter(email=email).first()
    if user is None:
        user = create_demo_user(email=email, first_name=first, last_name=last, organisation=organisation,
                                territory=territory)
        user_set_roles(user=user, roles=[Role.AGENT])
    return user


def load() -> list[tuple[str, str]]:
    moderator = User.objects.filter(email="moderateur@demo.essaimage.fr").first()
    if moderator is None or not Theme.objects.exists():
        return []
    themes = {t.slug: t for t in Theme.objects.all()}
    replicators = {}
    created = 0
    with services.notifications_muted():
        for index, item in enumerate(INNOVATIONS):
            if Innovation.objects.filter(slug=slugify(item["title"])[:80].strip("-")).exists():
                continue
            territory = _commune(item["commune"])
            organisation = organisation_get_or_create(name=item["organisation"][0], kind=item["organisation"][1],
                                                      territory=territory)
            owner = _user(item["owner"], *item["owner_name"], organisation=organisation, territory=territory)
            data = {key: item[key] for key in ("title", "summary", "stage", "problem", "solution",
                                               "public_concerned", "results", "evidence", "costs")}
            data.update(links="\n".join(item["links"]), territory=territory, organisation=organisation)
            innovation = services.innovation_save(
                innovation=None, by=owner, data=data, themes=[themes[s] for s in item["themes"]],
                grid=item["grid"], funding=[tuple(f) for f in item["funding"]], coauthors=[],
            )
            if index % 4 == 0:
                upload = ContentFile(tiny_pdf(f"{item['title']} - fiche de presentation"),
                                     name="fiche-de-presentation.pdf")
                services.attachment_add(innovation=innovation, by=owner, upload=upload, content_type="application/pdf")
            status = item["status"]
            if status != Status.DRAFT:
                services.innovation_transition(innovation=innovation, action=ModerationAction.SUBMIT, by=owner)
            if status == Status.CHANGES_REQUESTED:
                services.innovation_transition(innovation=innovation, action=ModerationAction.REQUEST_CHANGES,
                                               by=moderator,
                                               message=item["moderation_message"] or "Merci de préciser les résultats.")
            if status == Status.PUBLISHED:
                services.innovation_transition(innovation=innovation, action=ModerationAction.PUBLISH, by=moderator)
                declared = []
                for replication in item["replications"]:
                    place = _commune(replication["commune"])
                    if place is None:
                        declared.append(None)
                        continue
                    org = organisation_get_or_create(name=replication["organisation"][0],
                                                     kind=replication["organisation"][1], territory=place)
                    if org.pk not in replicators:
                        first, last = REPLICATOR_NAMES[len(replicators) % len(REPLICATOR_NAMES)]
                        email = f"{slugify(first)}.{slugify(last)}.{len(replicators) + 1}@demo.essaimage.fr"
                        replicators[org.pk] = _user(email, first, last, organisation=org, territory=place)
                    inspired_by = replication.get("inspired_by")  # position of an earlier declaration
                    declared.append(services.replication_declare(
                        innovation=innovation, by=replicators[org.pk], organisation=org, territory=place,
                        scaling_mode=replication["mode"], status=replication["status"],
                        adaptations=replication["adaptations"],
                        parent=declared[inspired_by] if inspired_by is not None else None,
                    ))
            created += 1
    _demo_follows()
    return []


def _demo_follows() -> None:
    """The demo agent follows three published innovations and has heard of two of them (the
    bell shows something); once only."""
    agent = User.objects.filter(email="agent@demo.essaimage.fr").first()
    if agent is None or Follow.objects.filter(user=agent).exists():
        return
    followed = list(Innovation.objects.filter(status=Status.PUBLISHED).exclude(members__user=agent)
                    .order_by("title")[:3])
    for innovation in followed:
        notifications.follow(user=agent, obj=innovation)
    for innovation in followed[:1]:
        notifications.notify([agent], notices.FOLLOWED_NEW_VERSION, innovation, url=innovation.get_absolute_url(),
                             context={"title": innovation.title, "url": innovation.get_absolute_url()})
    for replication in Replication.objects.filter(innovation__in=followed[1:]).select_related(
            "innovation", "organisation", "territory").order_by("pk")[:1]:
        innovation = replication.innovation
        notifications.notify([agent], notices.FOLLOWED_REPLICATION, innovation,
                             text=f"{replication.organisation} ({replication.territory})",
                             url=innovation.get_absolute_url() + "#essaimages",
                             context={"title": innovation.title, "url": innovation.get_absolute_url(),
                                      "organisation": str(replication.organisation),
                                      "territory": str(replication.territory),
                                      "status": replication.get_status_display().lower()})
