from playwright.sync_api import expect

from tests.factories.innovations import InnovationFactory, ReplicationFactory

LONG = ("Le service est étendu aux trajets vers les consultations médicales, en plus des démarches liées à "
        "l'emploi, avec une permanence téléphonique tenue par des bénévoles formés chaque semaine.")


def test_wide_tables_wrap_and_scroll_with_the_keyboard_on_a_phone(visit, db):
    """The grid and the replications hold long texts: on a narrow screen their tables may scroll,
    and a keyboard user must be able to reach that scroll (axe: scrollable-region-focusable)."""
    innovation = InnovationFactory()
    innovation.business_model.cost_structure = LONG
    innovation.business_model.save()
    for _ in range(2):
        ReplicationFactory(innovation=innovation, adaptations=LONG)
    visit.page.set_viewport_size({"width": 375, "height": 800})
    page = visit.goto(innovation.get_absolute_url())
    expect(page.get_by_role("region", name="Déclarations d’essaimage")).to_be_visible()
    visit.page.set_viewport_size({"width": 1280, "height": 900})
    visit.goto(innovation.get_absolute_url())
