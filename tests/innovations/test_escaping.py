"""Every user-written text comes out inert, wherever it is shown."""

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.urls import reverse

from essaimage.enums import Role
from innovations import services
from innovations.enums import Status
from innovations.models import Attachment, BusinessModel, FundingSource
from tests.factories import OrganisationFactory, UserFactory
from tests.factories.innovations import InnovationFactory, ReplicationFactory

pytestmark = pytest.mark.django_db

PAYLOAD = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def assert_inert(html):
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert" in html


def test_payloads_in_every_field_are_escaped_on_every_page(client_for, themes):
    owner = UserFactory(first_name=PAYLOAD, organisation=OrganisationFactory(name=PAYLOAD))
    moderator = UserFactory(roles=[Role.AGENT, Role.MODERATEUR])
    innovation = InnovationFactory(
        title=PAYLOAD, summary=PAYLOAD, problem=PAYLOAD, solution=PAYLOAD, public_concerned=PAYLOAD,
        results=PAYLOAD, evidence=PAYLOAD, costs=PAYLOAD, links="https://exemple.fr/?q=<script>",
        created_by=owner, organisation=owner.organisation, status=Status.SUBMITTED, themes=[themes["sante"]],
    )
    BusinessModel.objects.filter(innovation=innovation).update(
        **dict.fromkeys(BusinessModel.TEXT_PARTS, PAYLOAD))
    FundingSource.objects.create(business_model=innovation.business_model, label=PAYLOAD, share=100)
    Attachment.objects.create(innovation=innovation, file=ContentFile(b"%PDF-1.4", name="a.pdf"),
                              original_name=PAYLOAD + ".pdf", content_type="application/pdf", size=8)
    services.innovation_transition(innovation=innovation, action="request_changes", by=moderator, message=PAYLOAD)
    services.innovation_transition(innovation=innovation, action="submit", by=owner)
    services.innovation_transition(innovation=innovation, action="publish", by=moderator)
    ReplicationFactory(innovation=innovation, adaptations=PAYLOAD, organisation=OrganisationFactory(name=PAYLOAD))

    pages = [
        (None, innovation.get_absolute_url()),
        (owner, innovation.get_absolute_url()),  # team sees the moderation history with the message
        (None, reverse("innovations:list")),
        (None, reverse("innovations:list") + "?q=" + PAYLOAD),
        (owner, reverse("innovations:update", args=[innovation.slug])),
        (owner, reverse("innovations:mine")),
        (moderator, reverse("innovations:moderation") + "?statut=published"),
    ]
    for user, url in pages:
        html = client_for(user).get(url).content.decode()
        assert_inert(html)
    detail = client_for(owner).get(innovation.get_absolute_url()).content.decode()
    assert detail.count("&lt;script&gt;alert") >= 12  # texts, grid, funding, file name, message, replication


def test_payload_in_a_form_error_is_escaped(client_for):
    user = UserFactory()
    response = client_for(user).post(reverse("innovations:create"), {"title": "x", "links": PAYLOAD,
                                                                     "coauthors": PAYLOAD + "@x.fr",
                                                                     "funding-TOTAL_FORMS": "0",
                                                                     "funding-INITIAL_FORMS": "0"})
    assert_inert(response.content.decode())


def test_email_subjects_and_bodies_are_plain_text(client_for, django_capture_on_commit_callbacks):
    owner = UserFactory()
    moderator = UserFactory(roles=[Role.AGENT, Role.MODERATEUR])
    innovation = InnovationFactory(title="Cantine & <b>bio</b>", created_by=owner, status=Status.SUBMITTED)
    with django_capture_on_commit_callbacks(execute=True):
        services.innovation_transition(innovation=innovation, action="publish", by=moderator)
    assert "Cantine & <b>bio</b>" in mail.outbox[-1].subject  # text e-mail: no HTML entity noise
