"""reviewing.forms: the score sheet (draft or final), the conflict answer, their templates."""

import re
from decimal import Decimal
from types import SimpleNamespace

from django.template.loader import render_to_string

from reviewing.enums import ConflictAnswer, Opinion
from reviewing.forms import ConflictForm, ScoreSheetForm, comment_field_name, score_field_name
from tests.text import plain

GRID = [
    SimpleNamespace(pk=7, label="Transférabilité et kit de transfert", description="Un kit documenté.",
                    weight=Decimal("3.00"), scale_max=5),
    SimpleNamespace(pk=8, label="Indicateurs de réussite", description="", weight=Decimal("1.50"), scale_max=3),
]


def test_a_draft_may_be_partial():
    form = ScoreSheetForm(GRID, data={"action": "draft", "score_7": "4", "score_7_comment": " Clair. "})
    assert form.is_valid(), form.errors
    assert not form.is_final
    assert form.cleaned_data["score_7"] == 4 and form.cleaned_data["score_8"] is None
    assert [(v.criterion.pk, v.value, v.comment) for v in form.values()] == [(7, 4, "Clair."), (8, None, "")]
    assert "opinion" not in form.fields


def test_sending_requires_every_criterion_and_the_opinion():
    form = ScoreSheetForm(GRID, data={"action": "submit", "score_7": "5", "comment": "Très bien"}, with_opinion=True)
    assert form.is_final and not form.is_valid()
    assert form.errors["score_8"] == ["Notez ce critère avant d’envoyer la fiche."]
    assert form.errors["opinion"] == ["Donnez votre avis avant d’envoyer la fiche."]
    # Nothing typed is lost: the page shows the form again with what was chosen.
    html = plain(render_to_string("reviewing/score_sheet_fields.html", {"form": form}))
    chosen = re.findall(r"<input[^>]*checked[^>]*>", html)
    assert len(chosen) == 1 and 'id="id_score_7_5"' in chosen[0]
    assert "Très bien" in html
    assert ('<a href="#radio-id_score_8">Indicateurs de réussite : Notez ce critère avant d’envoyer la fiche.</a>'
            in html)


def test_sending_a_complete_sheet():
    form = ScoreSheetForm(GRID, data={"action": "submit", "score_7": "0", "score_8": "3",
                                      "opinion": Opinion.RESERVE}, with_opinion=True)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["score_7"] == 0 and form.cleaned_data["opinion"] == Opinion.RESERVE


def test_a_value_outside_the_scale_is_refused_in_french():
    form = ScoreSheetForm(GRID, data={"action": "draft", "score_8": "4", "score_7": "-1"})
    assert not form.is_valid()
    assert form.errors["score_8"] == ["Sélectionnez un choix valide. 4 n’en fait pas partie."]
    assert "score_7" in form.errors


def test_the_scale_runs_from_zero_to_the_criterion_maximum():
    form = ScoreSheetForm(GRID)
    assert [value for value, _label in form.fields["score_7"].choices] == ["0", "1", "2", "3", "4", "5"]
    assert [value for value, _label in form.fields["score_8"].choices] == ["0", "1", "2", "3"]
    assert [str(label) for _value, label in form.fields["score_8"].choices][::3] == ["0 (insuffisant)",
                                                                                   "3 (excellent)"]
    assert form.fields["score_7"].help_text == "Un kit documenté. Pondération : 3. Note de 0 à 5."
    assert form.fields["score_8"].help_text == "Pondération : 1,5. Note de 0 à 3."


def test_saved_scores_fill_the_form_and_a_locked_sheet_is_read_only():
    sheet = SimpleNamespace(opinion=Opinion.FAVORABLE, comment="Bon dossier")
    scores = {7: SimpleNamespace(value=2, comment="Kit partiel")}
    form = ScoreSheetForm(GRID, with_opinion=True, sheet=sheet, scores=scores, locked=True)
    assert form.initial[score_field_name(GRID[0])] == "2"
    assert form.initial[comment_field_name(GRID[0])] == "Kit partiel"
    assert form.initial["opinion"] == Opinion.FAVORABLE and form.initial["comment"] == "Bon dossier"
    assert all(field.disabled for field in form.fields.values())
    html = render_to_string("reviewing/score_sheet_fields.html", {"form": form})
    assert "disabled" in html and "Envoyer (définitif)" not in html and "Enregistrer le brouillon" not in html
    assert "Vous pouvez enregistrer un brouillon" not in html


def test_the_template_shows_both_buttons_and_the_marker():
    html = plain(render_to_string("reviewing/score_sheet_fields.html", {"form": ScoreSheetForm(GRID,
                                                                                              with_opinion=True)}))
    assert 'name="action" value="draft"' in " ".join(html.split())
    assert "Enregistrer le brouillon" in html and "Envoyer (définitif)" in html
    assert html.count("(nécessaire pour soumettre)") == 3  # two criteria and the opinion
    assert "Favorable" in html and "Réservé" in html and "Défavorable" in html
    assert "<fieldset" in html and 'type="radio"' in html


def test_criterion_texts_are_escaped():
    hostile = [SimpleNamespace(pk=1, label='<script>alert("x")</script>', description="<img src=x onerror=alert(1)>",
                               weight=Decimal(1), scale_max=2)]
    form = ScoreSheetForm(hostile, data={"action": "submit", "comment": "<b>gras</b>"})
    form.is_valid()
    html = render_to_string("reviewing/score_sheet_fields.html", {"form": form})
    assert "<script>" not in html and "<img" not in html and "<b>gras" not in html
    assert "&lt;script&gt;" in html


def test_conflict_form():
    assert ConflictForm(data={"answer": ConflictAnswer.NONE}).is_valid()
    form = ConflictForm(data={"answer": ConflictAnswer.DECLARED, "reason": "   "})
    assert not form.is_valid() and form.errors["reason"] == ["Précisez la nature du conflit."]
    form = ConflictForm(data={})
    assert not form.is_valid()
    assert form.errors["answer"] == ["Indiquez si vous avez un conflit d’intérêts avec ce dossier."]
    form = ConflictForm(data={"answer": ConflictAnswer.PENDING})
    assert not form.is_valid()  # « non déclaré » is not an answer
    form = ConflictForm(data={"answer": ConflictAnswer.DECLARED, "reason": " Mon ancienne équipe "})
    assert form.is_valid() and form.cleaned_data["reason"] == "Mon ancienne équipe"


def test_conflict_template():
    form = ConflictForm(data={"answer": ConflictAnswer.DECLARED, "reason": ""})
    form.is_valid()
    html = plain(render_to_string("reviewing/conflict_fields.html", {"form": form}))
    assert "Je n’ai aucun conflit d’intérêts avec ce dossier" in html and "Je déclare un conflit d’intérêts" in html
    assert '<a href="#id_reason">Nature du conflit : Précisez la nature du conflit.</a>' in html
    assert "Enregistrer ma réponse" in html


def test_the_conflict_reason_is_not_marked_optional_nor_required_by_the_browser():
    """It is needed only with a conflict: no « (facultatif) », and no `required` attribute that would
    stop « aucun conflit » in the browser."""
    html = plain(render_to_string("reviewing/conflict_fields.html", {"form": ConflictForm()}))
    assert "(facultatif)" not in html and " required" not in html
    assert ConflictForm(data={"answer": ConflictAnswer.NONE, "reason": ""}).is_valid()
    assert not ConflictForm(data={"answer": ConflictAnswer.DECLARED, "reason": "x" * 1001}).is_valid()
