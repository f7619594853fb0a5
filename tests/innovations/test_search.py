"""French full-text search: accents, case, singular/plural, typos, ranking, kept current on write."""

import pytest
from django.db import connection

from innovations.search import matching_ids, without_stop_words
from innovations.models import Innovation
from tests.factories.innovations import InnovationFactory

pytestmark = pytest.mark.django_db


def titles(text):
    found = matching_ids(Innovation.objects.all(), text, ["-rank", "pk"])
    by_pk = Innovation.objects.in_bulk(found)
    return [by_pk[pk].title for pk in found]


@pytest.fixture
def corpus(db):
    return {
        "sante": InnovationFactory(title="Maison de santé pluriprofessionnelle itinérante",
                                   summary="Des soignants se déplacent dans les villages."),
        "covoit": InnovationFactory(title="Covoiturage solidaire pour les aînés",
                                    summary="Des bénévoles conduisent les personnes âgées."),
        "epicerie": InnovationFactory(title="Épicerie sociale et solidaire",
                                      summary="Des produits à petit prix pour les familles."),
        "cantine": InnovationFactory(title="Cantines scolaires en circuit court",
                                     summary="Les cantines achètent aux producteurs locaux, "
                                             "la santé des enfants y gagne."),
    }


def test_accents_and_case_are_ignored(corpus):
    assert titles("SANTE") == titles("santé") != []
    assert titles("epicerie")[0] == "Épicerie sociale et solidaire"
    assert titles("ÉPICERIE")[0] == "Épicerie sociale et solidaire"


def test_singular_and_plural_find_each_other(corpus):
    assert "Maison de santé pluriprofessionnelle itinérante" in titles("maisons")
    assert "Cantines scolaires en circuit court" in titles("cantine")
    assert "Épicerie sociale et solidaire" in titles("epiceries sociales")


def test_small_typo_in_a_title_word_still_finds_it(corpus):
    assert titles("covoiturrage") == ["Covoiturage solidaire pour les aînés"]
    assert titles("epicrie sociale")[0] == "Épicerie sociale et solidaire"


def test_title_matches_rank_above_body_matches(corpus):
    # "santé" is in one title and in another innovation's summary.
    assert titles("santé")[0] == "Maison de santé pluriprofessionnelle itinérante"
    assert "Cantines scolaires en circuit court" in titles("santé")


def test_unrelated_words_find_nothing(corpus):
    assert titles("aéroport spatial") == []


def test_search_document_is_kept_current_on_every_write(corpus):
    innovation = corpus["covoit"]
    Innovation.objects.filter(pk=innovation.pk).update(summary="Un service de transport à la demande.")
    assert "Covoiturage solidaire pour les aînés" in titles("transports")
    innovation.refresh_from_db()
    innovation.title = "Navettes rurales"
    innovation.save()
    assert titles("navette") == ["Navettes rurales"]
    innovation.refresh_from_db()
    assert "'navet':1A" in str(innovation.rank_vector)  # the small ranking document follows too
    assert "Navettes rurales" not in titles("covoiturage")


def test_search_document_and_title_have_gin_indexes():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'innovations_innovation'")
        indexes = dict(cursor.fetchall())
    assert "USING gin (search_vector)" in indexes["innovation_search_gin"]
    assert "gin_trgm_ops" in indexes["innovation_title_trgm"]


def test_search_uses_the_accent_insensitive_french_configuration():
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('french_unaccent', 'Les Épiceries solidaires')::text")
        vector = cursor.fetchone()[0]
    assert "'epicer':2" in vector and "'solidair':3" in vector  # unaccented, lower-cased, stemmed


def test_french_stop_words_are_not_required_words(corpus):
    """"à", "les", "où", "été" are kept by PostgreSQL's dictionary once accents are gone: a
    query with them must still find a sheet that does not contain them."""
    InnovationFactory(title="Portage de repas", summary="Un repas chaud livré chaque midi.",
                      problem="Isolement.", solution="Tournées quotidiennes.", public_concerned="Aînés.")
    assert titles("portage des repas") == ["Portage de repas"]
    assert titles("les repas à midi") == ["Portage de repas"]
    assert titles('"portage de repas"') == ["Portage de repas"]  # a quoted phrase is left as typed
    assert titles("les à où") == []  # only function words: nothing, rather than everything
    # An "or" left alone by a dropped word is not searched as the word "or" (gold).
    assert titles("repas or les") == ["Portage de repas"]
    assert without_stop_words("à or les") == ""
    assert without_stop_words("les repas or la cantine") == "repas or cantine"
    assert without_stop_words('-les "la cantine" or or à') == '"la cantine"'


def test_search_made_only_of_syntax_or_short_words_finds_nothing_rather_than_everything():
    InnovationFactory(title="Maison de santé itinérante")
    assert matching_ids(Innovation.objects.all(), '"" - ***', ["pk"]) == []
    assert matching_ids(Innovation.objects.all(), "du au", ["pk"]) == []  # stop words, then too short for typos
