"""French full-text search of the catalogue: a stored, GIN-indexed document (kept by a database
trigger) matched in the `french_unaccent` configuration and ranked on a small title/themes/places
vector; when the words match nothing, titles close to them (trigram word similarity, for typos)."""

import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramWordSimilarity
from django.db import connections, transaction
from django.db.models import Expression, F, Q

from essaimage.models import fold

SEARCH_CONFIG = "french_unaccent"


@dataclass(frozen=True)
class Terms:
    """What a search keeps (`condition`) and how it ranks what it keeps (`rank`)."""

    condition: Q
    rank: Expression

    def apply(self, queryset):
        return queryset.filter(self.condition).annotate(rank=self.rank)


# French function words, accent-free. PostgreSQL's French dictionary keeps "les", and once
# unaccent has run it keeps "à" (now "a"), "où", "été", "même"...: each word it keeps becomes a
# word every result must contain. They are dropped from the query (outside quoted phrases).
STOP_WORDS = frozenset(fold("""
    a à au aux avec ce ces cet cette dans de des du elle elles en et eux il ils je la le les leur
    leurs lui ma mais me même mes moi mon ne ni nos notre nous on ou où par pas pour qu que qui sa
    se ses son sur ta te tes toi ton tu un une vos votre vous y été être
""").split())


def clean(text: str) -> str:
    return " ".join(text.split())[:200]


def without_stop_words(text: str) -> str:
    """The query without French function words outside quoted phrases; an "or" (the search's
    OR) left without a word on both sides goes too, else it would be searched as a word."""
    tokens = []
    for part in re.split(r'("[^"]*")', clean(text)):
        if part.startswith('"'):
            tokens.append(part)
            continue
        tokens.extend(word for word in part.split()
                      if word.lower() == "or" or fold(word.lstrip("-")) not in STOP_WORDS)
    kept = []
    for position, token in enumerate(tokens):
        if token.lower() == "or":
            following = tokens[position + 1] if position + 1 < len(tokens) else "or"
            if not kept or kept[-1].lower() == "or" or following.lower() == "or":
                continue
        kept.append(token)
    return " ".join(kept)


def word_terms(text: str) -> Terms | None:
    text = without_stop_words(text)
    if not text:
        return None
    query = SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)
    return Terms(Q(search_vector=query), SearchRank(F("rank_vector"), query))


def typo_terms(text: str) -> Terms | None:
    """Plain words of 4 letters or more, search syntax removed, close to a word of a title."""
    plain = fold(re.sub(r"[^\w\s]", " ", clean(text))).split()
    words = [w for w in plain if len(w) >= 4 and w != "or" and w not in STOP_WORDS]
    if not words:
        return None
    folded = " ".join(words)
    return Terms(Q(title_search__trigram_word_similar=folded), TrigramWordSimilarity(folded, "title_search"))


def matching_ids(queryset, text: str, ordering: list[str]) -> list[int]:
    """Primary keys of every match, in this order ("-rank": relevance): the words', or the typo
    fallback's when the words find nothing. One pass over the matches."""
    with transaction.atomic(using=queryset.db), connections[queryset.db].cursor() as cursor:
        # The planner does not count the cost of reading each stored document (TOASTed): for a
        # word found in a third of the catalogue it picks a sequential scan that reads every
        # document, about ten times slower than the GIN index at 100,000 innovations. The
        # setting is put back as it was; on an error, the rollback puts it back.
        cursor.execute("SELECT current_setting('enable_seqscan'), set_config('enable_seqscan', 'off', true)")
        previous = cursor.fetchone()[0]
        pks = []
        for terms in (word_terms(text), typo_terms(text)):
            if terms:
                found = terms.apply(queryset) if "-rank" in ordering else queryset.filter(terms.condition)
                # Straight from the cursor: tens of thousands of keys, without Django's iterator.
                sql, params = found.order_by(*ordering).values_list("pk").query.sql_with_params()
                cursor.execute(sql, params)
                pks = [row[0] for row in cursor.fetchall()]
                if pks:
                    break
        cursor.execute("SELECT set_config('enable_seqscan', %s, true)", [previous])
    return pks
