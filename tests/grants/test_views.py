"""The grants pages: the permission matrix (anything not theirs answers 404), the application
form (nothing typed lost, deposit, receipt), private annotations never reaching the team,
hostile input inert, and one query count per list."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from essaimage.enums import Role
from grants import services
from grants.enums import ApplicationAction, ApplicationPart, ApplicationStatus
from grants.models import Application
from tests.factories import UserFactory
from tests.factories.grants import ApplicationFactory, CallFactory
from tests.factories.innovations import InnovationFactory
from tests.text import page_text

pytestmark = pytest.mark.django_db
ANNOTATION = "NOTE-PRIVEE-7f3a : dossier fragile"
XSS = '<script>alert("xss")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def people(team_member, other_agent, instructeur, other_instructeur, moderator):
    return {"team": team_member, "other": other_agent, "instructeur": instructeur,
            "other_instructeur": other_instructeur, "moderator": moderator, "anonymous": None}


@pytest.fixture
def deposited(application, team_member):
    return services.application_transition(application=application, action=ApplicationAction.SUBMIT,
                                           by=team_member)


@pytest.fixture
def draft(call, team_member):
    return ApplicationFactory(call=call, innovation=InnovationFactory(created_by=team_member))


def status_for(client, method, url):
    response = client.post(url, {}) if method == "post" else client.get(url)
    if response.status_code == 302 and "/compte/connexion/" in response["Location"]:
        return "login"
    return response.status_code


ALL = ("team", "other", "instructeur", "other_instructeur", "moderator", "anonymous")


def expected(allowed: dict, default=404):
    return {who: allowed.get(who, "login" if who == "anonymous" else default) for who in ALL}


def test_permission_matrix(people, client_for, call, deposited, draft, programme):
    document = deposited.documents.create(file="grants/x.pdf", original_name="x.pdf", content_type="application/pdf",
                                          size=10)
    public = dict.fromkeys(ALL, 200)
    logged = expected({who: 200 for who in ALL if who != "anonymous"})
    matrix = [
        ("get", reverse("grants:call_list"), public),
        ("get", reverse("grants:call_detail", args=[call.slug]), public),
        ("get", reverse("grants:apply", args=[call.slug]), logged),
        ("get", reverse("grants:mine"), logged),
        ("get", reverse("grants:application_detail", args=[deposited.pk]), expected({"team": 200,
                                                                                     "instructeur": 200})),
        ("get", reverse("grants:application_detail", args=[draft.pk]), expected({"team": 200})),
        ("get", reverse("grants:application_update", args=[draft.pk]), expected({"team": 200})),
        ("get", reverse("grants:application_update", args=[deposited.pk]), expected({"team": 302})),
        ("get", reverse("grants:application_receipt", args=[deposited.pk]), expected({"team": 200})),
        ("get", reverse("grants:info_request", args=[deposited.pk]), expected({"instructeur": 200})),
        ("get", reverse("grants:document", args=[deposited.pk, document.pk]), expected({"team": "file",
                                                                                       "instructeur": "file"})),
        ("get", reverse("grants:instruction"), expected({"instructeur": 200, "other_instructeur": 200})),
        ("get", reverse("grants:call_applications", args=[call.slug]), expected({"instructeur": 200})),
        ("get", reverse("grants:call_update", args=[call.slug]), expected({"instructeur": 200})),
        ("get", reverse("grants:call_criteria", args=[call.slug]), expected({"instructeur": 200})),
        ("get", reverse("grants:call_create", args=[programme.slug]), expected({"instructeur": 200})),
        ("get", reverse("grants:programme_update", args=[programme.slug]), expected({"instructeur": 200})),
        ("get", reverse("grants:programme_create"), expected({"instructeur": 200, "other_instructeur": 200})),
        ("post", reverse("grants:annotation_add", args=[deposited.pk]), expected({"instructeur": 302})),
        ("post", reverse("grants:message_post", args=[deposited.pk]), expected({"team": 302, "instructeur": 302})),
        ("post", reverse("grants:message_post", args=[draft.pk]), expected({})),
        ("post", reverse("grants:application_delete", args=[draft.pk]), expected({"team": 302})),
    ]
    from django.core.files.storage import default_storage
    from django.core.files.base import ContentFile

    default_storage.save("grants/x.pdf", ContentFile(b"%PDF-1.4"))
    clients = {who: client_for(user) for who, user in people.items()}
    failures = []
    for method, url, outcome in matrix:
        for who, want in outcome.items():
            got = status_for(clients[who], method, url)
            if want == "file":
                want = 200
            if got != want:
                failures.append(f"{who} {method} {url}: {got} (expected {want})")
    assert failures == []


def test_actions_of_someone_else_answer_404(people, client_for, deposited):
    url = reverse("grants:application_action", args=[deposited.pk])
    for who in ("other", "other_instructeur", "moderator"):
        for action in ("withdraw", "start_review"):
            assert client_for(people[who]).post(url, {"action": action}).status_code == 404
    # The team may not start the review of its own application: refused the same way.
    assert client_for(people["team"]).post(url, {"action": "start_review"}).status_code == 404
    deposited.refresh_from_db()
    assert deposited.status == ApplicationStatus.SUBMITTED


# --- The application form ------------------------------------------------------------------

def form_data(application, **changes):
    """The form's data as the page would post it for the complete factory application."""
    data = {
        "base_version": application.version, "summary": application.summary,
        "amount_requested": "20000", "total_budget": "30000", "project_start": "", "project_end": "",
        "funding-TOTAL_FORMS": "1", "funding-INITIAL_FORMS": "1", "funding-0-source": "Région",
        "funding-0-amount": "10000", "funding-0-is_secured": "on",
        "budget-TOTAL_FORMS": "1", "budget-INITIAL_FORMS": "1", "budget-0-label": "Personnel",
        "budget-0-planned_amount": "30000",
        "target_territories": "\n".join(t.label for t in application.target_territories.all()),
        "scaling_mode": "partenariat", "scaling_partners": "Trois mairies.", "transfer_kit": "Guide.",
        "scaling_budget": "", "success_indicators": "Territoires.",
        "milestone-TOTAL_FORMS": "2", "milestone-INITIAL_FORMS": "2",
        "milestone-0-title": "Premier", "milestone-0-kind": "step", "milestone-0-due_date": "2027-06-01",
        "milestone-0-deliverable": "", "milestone-0-tranche_amount": "12000",
        "milestone-1-title": "Final", "milestone-1-kind": "final_report", "milestone-1-due_date": "2027-12-01",
        "milestone-1-deliverable": "", "milestone-1-tranche_amount": "8000",
        "required_label": "", "description": "", "action": "save",
    }
    data.update(changes)
    return data


def test_a_bad_amount_keeps_everything_typed(client_for, team_member, application):
    url = reverse("grants:application_update", args=[application.pk])
    response = client_for(team_member).post(url, form_data(application, summary="Mon nouvel objet",
                                                           **{"funding-0-amount": "dix mille"}))
    text = page_text(response)
    assert response.status_code == 200
    assert "Le formulaire contient des erreurs" in text
    assert "Saisissez un montant en euros" in text
    assert "Mon nouvel objet" in text and "dix mille" in text
    application.refresh_from_db()
    assert application.summary != "Mon nouvel objet"


def test_the_rows_of_a_table_do_not_each_say_optional(client_for, team_member, application):
    """Co-funding, budget and milestone rows are optional as a whole (the section says so): their
    fields carry no « (facultatif) », the form's own optional fields still do."""
    html = client_for(team_member).get(reverse("grants:application_update", args=[application.pk])).content.decode()
    marker = '<span class="essaimage-marker">(facultatif)</span>'
    for label in ("Financeur ou source", "Montant (€)", "Acquis", "Poste de dépense", "Jalon", "Livrable attendu"):
        assert f"{label}\n" in html and f"{label} {marker}" not in html
    assert f"Début du projet {marker}" in html


def test_a_started_row_must_be_finished(client_for, team_member, application):
    url = reverse("grants:application_update", args=[application.pk])
    response = client_for(team_member).post(url, form_data(application, **{"funding-0-amount": ""}))
    assert "Indiquez le montant de cette source, ou videz la ligne." in page_text(response)


def test_save_then_deposit_gives_the_receipt(client_for, team_member, application, instructeur, committed):
    client = client_for(team_member)
    url = reverse("grants:application_update", args=[application.pk])
    with committed():
        response = client.post(url, form_data(application, action="submit"))
    application.refresh_from_db()
    assert response.status_code == 302 and response["Location"] == reverse("grants:application_receipt",
                                                                           args=[application.pk])
    assert application.status == ApplicationStatus.SUBMITTED
    receipt = page_text(client.get(response["Location"]))
    assert application.reference in receipt and "20 000,00 €" in receipt.replace("\u202f", " ")
    assert any(application.reference in m.subject for m in mail.outbox if m.to == [team_member.email])


def test_a_deposit_after_closing_keeps_the_draft(client_for, team_member, application):
    application.call.opens_at = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    application.call.closes_at = datetime.datetime(2020, 2, 1, 11, 0, tzinfo=datetime.UTC)
    application.call.save()
    client = client_for(team_member)
    url = reverse("grants:application_update", args=[application.pk])
    response = client.post(url, form_data(application, action="submit", summary="Gardé"), follow=True)
    text = page_text(response)
    assert "L’appel a clos le 1 février 2020 à 12 h 00 (heure de Paris)" in text
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DRAFT and application.summary == "Gardé"


def test_a_stale_form_is_refused_with_the_typing_kept(client_for, team_member, application):
    url = reverse("grants:application_update", args=[application.pk])
    client = client_for(team_member)
    assert client.post(url, form_data(application, summary="Premier")).status_code == 302
    response = client.post(url, form_data(application, summary="Second", base_version=1))
    assert response.status_code == 409
    text = page_text(response)
    assert "modifiée par un autre membre de l’équipe" in text and "Second" in text
    application.refresh_from_db()
    assert application.summary == "Premier"


def test_the_form_is_prefilled_from_the_innovation(client_for, team_member, call):
    from innovations.models import FundingSource

    innovation = InnovationFactory(created_by=team_member)
    FundingSource.objects.create(business_model=innovation.business_model, label="Caisse d’allocations", share=100)
    application = services.application_create(call=call, innovation=innovation, by=team_member)
    text = page_text(client_for(team_member).get(reverse("grants:application_update", args=[application.pk])))
    assert "Caisse d’allocations" in text and innovation.summary in text


def test_an_info_request_reopens_named_parts_in_the_form(client_for, team_member, instructeur, deposited):
    response = client_for(instructeur).post(reverse("grants:info_request", args=[deposited.pk]), {
        "message": "Détaillez le budget.", "parts": [ApplicationPart.BUDGET],
        "due_date": (timezone.localdate() + datetime.timedelta(days=5)).isoformat()})
    assert response.status_code == 302
    form = page_text(client_for(team_member).get(reverse("grants:application_update", args=[deposited.pk])))
    assert "Détaillez le budget." in form and 'name="budget-0-label"' in form
    assert 'name="summary"' not in form and 'name="milestone-0-title"' not in form


# --- Annotations stay private ----------------------------------------------------------------

def test_annotations_never_reach_the_team(client_for, team_member, instructeur, deposited, committed):
    with committed():
        services.annotation_add(application=deposited, by=instructeur, body=ANNOTATION)
        services.application_transition(application=deposited, action=ApplicationAction.REQUEST_INFO,
                                        by=instructeur, message="Complétez.", parts=[ApplicationPart.BUDGET],
                                        due_date=timezone.localdate() + datetime.timedelta(days=3))
        services.message_post(application=deposited, by=instructeur, body="Un message.")
    assert ANNOTATION in page_text(client_for(instructeur).get(deposited.get_absolute_url()))
    team = client_for(team_member)
    pages = [deposited.get_absolute_url(), reverse("grants:application_update", args=[deposited.pk]),
             reverse("grants:application_receipt", args=[deposited.pk]), reverse("grants:mine"),
             deposited.call.get_absolute_url(), reverse("dashboard"), deposited.innovation.get_absolute_url(),
             reverse("notifications:list")]
    for url in pages:
        response = team.get(url)
        assert response.status_code == 200, url
        assert "NOTE-PRIVEE" not in page_text(response), url
        assert "Annotations privées" not in page_text(response), url
    assert mail.outbox
    for message in mail.outbox:
        bodies = [message.body, *(content for content, _type in getattr(message, "alternatives", []))]
        assert all("NOTE-PRIVEE" not in body for body in bodies)


# --- Hostile input -----------------------------------------------------------------------

def test_hostile_text_is_inert_everywhere(client_for, team_member, instructeur, call, innovation, committed):
    call.title, call.summary, call.description, call.required_documents = XSS, XSS, XSS, [XSS]
    call.save()
    application = ApplicationFactory(call=call, innovation=innovation, summary=XSS, scaling_partners=XSS,
                                     transfer_kit=XSS)
    application.fundings.update(source=XSS)
    Application.objects.filter(pk=application.pk).update(status=ApplicationStatus.SUBMITTED, reference="ESS-X-1",
                                                        submitted_at=call.opens_at, amount_requested=Decimal("20000"))
    application.refresh_from_db()
    with committed():
        services.message_post(application=application, by=team_member, body=XSS)
        services.annotation_add(application=application, by=instructeur, body=XSS)
        services.application_transition(application=application, action=ApplicationAction.REQUEST_INFO,
                                        by=instructeur, message=XSS, parts=[ApplicationPart.BUDGET],
                                        due_date=timezone.localdate() + datetime.timedelta(days=3))
    pages = [(client_for(None), reverse("grants:call_list")), (client_for(None), call.get_absolute_url()),
             (client_for(team_member), application.get_absolute_url()),
             (client_for(team_member), reverse("grants:application_update", args=[application.pk])),
             (client_for(instructeur), application.get_absolute_url()),
             (client_for(instructeur), reverse("grants:call_applications", args=[call.slug])),
             (client_for(instructeur), reverse("grants:instruction")),
             (client_for(team_member), reverse("grants:mine"))]
    for client, url in pages:
        html = client.get(url).content.decode()
        assert "<script>alert" not in html and "<img src=x" not in html, url
    assert mail.outbox
    for message in mail.outbox:
        for content, _type in getattr(message, "alternatives", []):
            assert "<script>alert" not in content and "<img src=x" not in content


# --- Query counts -------------------------------------------------------------------------

CALL_LIST_QUERIES = 5
INSTRUCTION_LIST_QUERIES = 9
MY_APPLICATIONS_QUERIES = 5


def test_the_call_list_runs_the_same_queries_for_one_and_many(client, programme, django_assert_num_queries):
    CallFactory(programme=programme)
    with django_assert_num_queries(CALL_LIST_QUERIES):
        client.get(reverse("grants:call_list"))
    for _ in range(6):
        CallFactory(programme=programme)
    with django_assert_num_queries(CALL_LIST_QUERIES):
        client.get(reverse("grants:call_list"))


def test_the_instruction_list_runs_the_same_queries_for_one_and_many(client_for, instructeur, call,
                                                                      django_assert_num_queries):
    def deposit():
        application = ApplicationFactory(call=call)
        Application.objects.filter(pk=application.pk).update(
            status=ApplicationStatus.SUBMITTED, reference=f"ESS-2026-{application.pk:06d}",
            submitted_at=call.opens_at, complete_since=call.opens_at)

    client = client_for(instructeur)
    url = reverse("grants:call_applications", args=[call.slug])
    deposit()
    client.get(url)
    with django_assert_num_queries(INSTRUCTION_LIST_QUERIES):
        assert client.get(url).status_code == 200
    for _ in range(5):
        deposit()
    with django_assert_num_queries(INSTRUCTION_LIST_QUERIES):
        client.get(url)


def test_my_applications_run_the_same_queries_for_one_and_many(client_for, team_member, call,
                                                                django_assert_num_queries):
    client = client_for(team_member)
    ApplicationFactory(call=call, innovation=InnovationFactory(created_by=team_member))
    client.get(reverse("grants:mine"))
    with django_assert_num_queries(MY_APPLICATIONS_QUERIES):
        client.get(reverse("grants:mine"))
    for _ in range(4):
        ApplicationFactory(innovation=InnovationFactory(created_by=team_member))
    with django_assert_num_queries(MY_APPLICATIONS_QUERIES):
        client.get(reverse("grants:mine"))


def test_the_home_page_shows_open_calls(client, call):
    text = page_text(client.get(reverse("home")))
    assert "Appels à projets ouverts" in text and call.title in text


def test_an_innovation_page_shows_its_grants_and_eligible_calls(client_for, team_member, instructeur, deposited,
                                                                other_agent):
    other_call = CallFactory(programme=deposited.call.programme)
    innovation = deposited.innovation
    page = page_text(client_for(team_member).get(innovation.get_absolute_url()))
    assert other_call.title in page  # open and eligible, not applied yet
    services.application_transition(application=deposited, action=ApplicationAction.ACCEPT, by=instructeur)
    visitor = page_text(client_for(other_agent).get(innovation.get_absolute_url()))
    assert f"Lauréate de l’appel « {deposited.call.title} »" in visitor
    assert other_call.title not in visitor  # the open calls are the team's business


def test_instructeur_sees_the_delay(client_for, instructeur, deposited):
    response = client_for(instructeur).get(deposited.get_absolute_url())
    text = page_text(response)
    assert "Déposée aujourd’hui." in text and "le silence vaudra refus le" in text


def test_a_moderator_is_nobody_special(client_for, deposited):
    moderator = UserFactory(roles=[Role.AGENT, Role.MODERATEUR])
    assert client_for(moderator).get(deposited.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("status", list(ApplicationStatus))
def test_who_sees_an_application_in_every_status(people, client_for, application, status):
    Application.objects.filter(pk=application.pk).update(
        status=status, reference="" if status == ApplicationStatus.DRAFT else f"ESS-2026-{application.pk:06d}",
        submitted_at=None if status == ApplicationStatus.DRAFT else timezone.now(),
        decided_at=timezone.now(), withdrawn_at=timezone.now())
    detail = reverse("grants:application_detail", args=[application.pk])
    update = reverse("grants:application_update", args=[application.pk])
    editable = status in (ApplicationStatus.DRAFT, ApplicationStatus.INFO_REQUESTED)
    want = {"team": 200, "instructeur": 404 if status == ApplicationStatus.DRAFT else 200,
            "other": 404, "other_instructeur": 404, "moderator": 404, "anonymous": "login"}
    for who, expected_status in want.items():
        client = client_for(people[who])
        assert status_for(client, "get", detail) == expected_status, (who, status)
        got = status_for(client, "get", update)
        assert got == ({"team": 200 if editable else 302, "anonymous": "login"}.get(who, 404)), (who, status)


def test_followers_of_a_call_hear_of_a_grant(client_for, other_agent, instructeur, deposited, committed):
    from notifications import services as notifications

    notifications.follow(user=other_agent, obj=deposited.call)
    with committed():
        services.application_transition(application=deposited, action=ApplicationAction.ACCEPT, by=instructeur)
    [message] = [m for m in mail.outbox if m.to == [other_agent.email]]
    assert deposited.call.title in message.subject and deposited.innovation.title in message.body


def test_a_message_with_an_attachment_reaches_the_other_side(client_for, team_member, instructeur, deposited,
                                                             committed):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from innovations.demo import tiny_pdf

    upload = SimpleUploadedFile("lettre.exe.pdf", tiny_pdf("Lettre"), content_type="application/pdf")
    with committed():
        response = client_for(team_member).post(reverse("grants:message_post", args=[deposited.pk]),
                                                {"body": "Voici la lettre d’intention.", "attachment": upload})
    assert response.status_code == 302
    message = deposited.messages.get()
    assert message.attachment_name == "lettre-exe.pdf" and message.attachment_type == "application/pdf"
    page = page_text(client_for(instructeur).get(deposited.get_absolute_url()))
    assert "Voici la lettre d’intention." in page and "lettre-exe.pdf" in page
    download = client_for(instructeur).get(reverse("grants:message_attachment", args=[deposited.pk, message.pk]))
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert [m.to for m in mail.outbox] == [[instructeur.email]]


def test_a_required_document_is_uploaded_with_the_draft(client_for, team_member, application):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from innovations.demo import tiny_pdf

    application.call.required_documents = ["Statuts"]
    application.call.save()
    upload = SimpleUploadedFile("statuts.pdf", tiny_pdf("Statuts"), content_type="application/pdf")
    response = client_for(team_member).post(reverse("grants:application_update", args=[application.pk]),
                                            form_data(application, file=upload, required_label="Statuts"))
    assert response.status_code == 302
    assert application.documents.get().required_label == "Statuts"
    assert services.application_checklist(application) == []
    fake = SimpleUploadedFile("virus.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client_for(team_member).post(reverse("grants:application_update", args=[application.pk]),
                                            form_data(application, file=fake, base_version=application.version + 1))
    assert "son contenu a été vérifié" in page_text(response)
    assert application.documents.count() == 1


def test_the_call_list_filters_by_phase_and_kind(client, programme):
    now = timezone.now()
    CallFactory(programme=programme, title="Appel ouvert à tous")
    CallFactory(programme=programme, title="Appel réservé aux associations", eligible_kinds=["association"])
    CallFactory(programme=programme, title="Appel à venir", opens_at=now + datetime.timedelta(days=3),
                closes_at=now + datetime.timedelta(days=30))
    CallFactory(programme=programme, title="Appel clos", opens_at=now - datetime.timedelta(days=30),
                closes_at=now - datetime.timedelta(days=1))

    def titles(query):
        text = page_text(client.get(reverse("grants:call_list") + query))
        return {t for t in ("Appel ouvert à tous", "Appel réservé aux associations", "Appel à venir", "Appel clos")
                if t in text}

    assert titles("?phase=ouvert") == {"Appel ouvert à tous", "Appel réservé aux associations"}
    assert titles("?phase=a_venir") == {"Appel à venir"}
    assert titles("?phase=clos") == {"Appel clos"}
    assert titles("?phase=ouvert&kind=collectivite") == {"Appel ouvert à tous"}
    assert client.get(reverse("grants:call_list") + "?phase=nimporte").status_code == 200
    assert client.get(reverse("grants:call_list") + "?programme=inconnu&page=abc").status_code == 200


def test_the_admin_lists_grants_read_only(client, deposited):
    admin_user = UserFactory(roles=[Role.AGENT, Role.ADMINISTRATEUR], is_staff=True, is_superuser=True)
    client.force_login(admin_user)
    for name in ("grants_programme", "grants_call", "grants_application"):
        response = client.get(reverse(f"admin:{name}_changelist"))
        assert response.status_code == 200, name
    text = page_text(client.get(reverse("admin:grants_application_changelist")))
    assert deposited.reference in text and "Déposé" in text
    assert client.get(reverse("admin:grants_application_change", args=[deposited.pk])).status_code == 200
    assert client.post(reverse("admin:grants_application_change", args=[deposited.pk]),
                       {"status": "accepted"}).status_code == 403


def test_a_grant_accepted_shows_at_once_on_the_cached_anonymous_page(client, real_cache, deposited, instructeur,
                                                                    django_capture_on_commit_callbacks):
    """Anonymous pages ask the grants only for innovations with an accepted application (a set kept
    per catalogue version): the decision moves the version on, so the page shows it at once."""
    url = deposited.innovation.get_absolute_url()
    assert "Lauréate" not in page_text(client.get(url))
    assert "Lauréate" not in page_text(client.get(url))  # the page and the set are now kept
    with django_capture_on_commit_callbacks(execute=True):
        services.application_transition(application=deposited, action=ApplicationAction.ACCEPT, by=instructeur)
    assert f"Lauréate de l’appel « {deposited.call.title} »" in page_text(client.get(url))
