"""The shared score sheet and conflict-of-interest forms (reviewing/) in the browser, on the
demo page of tests/reviewing/demo.py: no axe violation, usable with the keyboard alone, errors
announced and linked, nothing typed lost."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.urls("tests.reviewing.demo")

SHEET = "/essai-evaluation/fiche/"
CONFLICT = "/essai-evaluation/conflit/"


def choose(page, radio):
    """Click the label of a DSFR radio (the input itself is drawn under its label)."""
    page.locator(f"label[for='{radio.get_attribute('id')}']").click()



def test_a_sheet_filled_with_the_keyboard_alone(visit, db):
    page = visit.goto(SHEET)
    expect(page.get_by_role("heading", name="Fiche d’évaluation")).to_be_visible()
    first = page.get_by_role("group", name="Transférabilité et kit de transfert")
    expect(first.get_by_role("radio")).to_have_count(6)
    # Tab reaches the first criterion's group; the arrows move within it.
    first.get_by_role("radio", name="0 (insuffisant)").focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    expect(first.get_by_role("radio", name="2", exact=True)).to_be_checked()
    page.keyboard.press("Tab")  # to the criterion's comment
    page.keyboard.type("Kit encore partiel.")
    # « Envoyer (définitif) » with criteria left blank: errors, what was typed is kept.
    page.get_by_role("button", name="Envoyer (définitif)").click()
    visit.check()
    summary = page.locator("#error-summary")
    expect(summary).to_contain_text("Le formulaire contient des erreurs")
    expect(summary.get_by_role("link", name="Indicateurs de réussite : Notez ce critère avant d’envoyer la fiche.")) \
        .to_be_visible()
    expect(summary.get_by_role("link", name="Avis : Donnez votre avis avant d’envoyer la fiche.")).to_be_visible()
    expect(first.get_by_role("radio", name="2", exact=True)).to_be_checked()
    expect(page.get_by_label("Commentaire sur « Transférabilité et kit de transfert »")).to_have_value(
        "Kit encore partiel.")
    # The summary's link leads to the group of radios.
    summary.get_by_role("link", name="Avis : Donnez votre avis avant d’envoyer la fiche.").click()
    assert page.url.endswith("#radio-id_opinion")
    # A draft needs nothing.
    page.get_by_role("button", name="Enregistrer le brouillon").click()
    visit.check()
    expect(page.get_by_text("Brouillon enregistré.")).to_be_visible()


def test_a_complete_sheet_is_sent(visit, db):
    page = visit.goto(SHEET)
    for group in page.locator("fieldset.fr-fieldset").all():
        radios = group.get_by_role("radio")
        if radios.count() > 3:
            choose(page, radios.nth(3))
    choose(page, page.get_by_role("group", name="Avis").get_by_role("radio", name="Favorable", exact=True))
    page.get_by_role("button", name="Envoyer (définitif)").click()
    visit.check()
    expect(page.get_by_text("Fiche envoyée.")).to_be_visible()


def test_declaring_a_conflict_needs_a_reason(visit, db):
    page = visit.goto(CONFLICT)
    page.get_by_role("button", name="Enregistrer ma réponse").click()
    visit.check()
    expect(page.locator("#error-summary")).to_contain_text("Indiquez si vous avez un conflit d’intérêts")
    choose(page, page.get_by_label("Je déclare un conflit d’intérêts"))
    page.get_by_role("button", name="Enregistrer ma réponse").click()
    visit.check()
    expect(page.locator("#error-summary")).to_contain_text("Précisez la nature du conflit.")
    expect(page.get_by_label("Je déclare un conflit d’intérêts")).to_be_checked()
    page.get_by_label("Nature du conflit").fill("J’ai travaillé avec l’équipe l’an dernier.")
    page.get_by_role("button", name="Enregistrer ma réponse").click()
    visit.check()
    expect(page.get_by_text("Réponse enregistrée.")).to_be_visible()


def test_phone_width(visit, db):
    visit.page.set_viewport_size({"width": 375, "height": 800})
    page = visit.goto(SHEET)
    expect(page.get_by_role("button", name="Envoyer (définitif)")).to_be_visible()
    visit.goto(CONFLICT)
