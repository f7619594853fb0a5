"""An in-memory facet index of the published catalogue: for each filter value (a theme, a stage,
a région...), the set of published innovations that have it, as a bitmask whose bit n is the
innovation of primary key n.

Counting a facet value among any set of results is then `(results & mask).bit_count()`: all the
facet counts of any combination of filters take a few milliseconds, where counting them in
PostgreSQL over 100,000 rows took 150 to 250 ms per combination. This is how search engines
facet; here it is a few hundred bitmasks of 12.5 kB each at 100,000 innovations.

The index also keeps every published innovation in each sort order of the catalogue (newest,
most replicated, title), as the database sorts them: a page of any filtered catalogue is then
read from memory (`FacetIndex.page`) and only its twenty innovations are fetched.

The index is built from two queries in one snapshot (the other sort orders are read the first
time a page needs them) and kept in
each process for the catalogue version it was built at (see innovations.catalogue_version); any
write to the published catalogue bumps that version, so the next request rebuilds it. A build
reads the data after reading the version, so an index is never older than its version.
"""

import threading
import time
from array import array
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connections, router, transaction

from innovations import catalogue_version
from innovations.enums import Sort, Status
from innovations.filters import FLAG_YES, catalogue_flags, facet_names
from innovations.models import Innovation



# The catalogue's sorts (the search adds relevance): the index keeps the published innovations in
# each of these orders, so that a page of any filtered catalogue is read from memory.
ORDERINGS = {
    Sort.RELEVANCE: ["-rank", "-published_at", "-pk"],
    Sort.NEWEST: ["-published_at", "-pk"],
    Sort.MOST_REPLICATED: ["-replication_count", "-published_at", "-pk"],
    Sort.TITLE: ["title_search", "pk"],
}
KEPT_ORDERS = (Sort.NEWEST, Sort.MOST_REPLICATED, Sort.TITLE)

_DIGITS = bytes([0x30]) + bytes([0x31]) * 255  # byte 0 -> "0", any other byte -> "1"


def bits_of(column: bytearray) -> int:
    """The int whose bit n is set where column[n] is not 0 (C speed: translate, then base 2)."""
    digits = column.translate(_DIGITS)
    digits.reverse()
    return int(digits, 2) if digits else 0


@dataclass(frozen=True)
class FacetIndex:
    version: int
    built_at: float
    size: int  # one more than the largest primary key indexed
    everything: int  # every published innovation
    masks: dict[str, dict[str, int]]  # facet -> value (as the counts key it) -> bitmask
    # sort -> every published primary key in that order, and each key's position in it; the
    # newest-first order is read with the index, the others the first time a page needs them.
    orders: dict[str, array] = field(default_factory=dict)
    positions: dict[str, array] = field(default_factory=dict)
    alias: str = "default"

    def _order(self, sort: str) -> tuple[array, array]:
        if sort not in self.orders:
            with _lock:
                if sort not in self.orders:
                    order, position = _sort_order(self.alias, sort, self.size)
                    self.positions[sort] = position  # (dicts: the frozen index is filled once per sort)
                    self.orders[sort] = order
        return self.orders[sort], self.positions[sort]

    def mask_of_ids(self, ids) -> int:
        """The bitmask of these primary keys, restricted to published innovations."""
        column = bytearray(self.size)
        size = self.size
        for pk in ids:
            if pk < size:
                column[pk] = 1
        return bits_of(column) & self.everything

    def mask_of(self, facet: str, values) -> int:
        """Innovations having any of these values of one facet."""
        result = 0
        for value in values:
            result |= self.masks[facet].get(value, 0)
        return result

    def counts(self, base: int, facet: str) -> dict[str, int]:
        counts = {}
        for value, mask in self.masks[facet].items():
            n = (base & mask).bit_count()
            if n:
                counts[value] = n
        return counts

    def page(self, results: int, sort: str, offset: int, limit: int, count: int | None = None) -> list[int]:
        """Primary keys of the innovations of `results` (a bitmask) from `offset` to
        `offset + limit`, in the order `sort` (one of KEPT_ORDERS).

        Two ways, whichever reads fewer keys: walk the sort order, keeping the keys of the
        results, until the page is full (few steps when the results are many); or list the
        results' keys and sort them by their position in that order (when they are few)."""
        order, position = self._order(sort)
        count = results.bit_count() if count is None else count
        wanted = offset + limit
        if offset >= count or limit <= 0:
            return []
        if results == self.everything and count == len(order):  # every published innovation
            return order[offset:wanted].tolist()
        walk = wanted * len(order) / count  # expected keys read along the order
        if walk <= 4 * count:
            data = results.to_bytes((self.size + 7) // 8 or 1, "little")
            found = []
            for pk in order:
                if data[pk >> 3] >> (pk & 7) & 1:
                    found.append(pk)
                    if len(found) == wanted:
                        break
            return found[offset:]
        digits = format(results, "b")[::-1]  # digit n is the bit of primary key n
        keys = []
        find = digits.find
        digit = find("1")
        while digit != -1:
            keys.append(digit)
            digit = find("1", digit + 1)
        last = len(order)  # a key the order lacks (published after it was read) goes last
        keys.sort(key=lambda pk: position[pk] if position[pk] >= 0 else last)
        return keys[offset:wanted]

    def member_test(self, mask: int):
        """A function telling whether a primary key is in the bitmask (constant time)."""
        data = mask.to_bytes((self.size + 7) // 8 or 1, "little")
        size = self.size
        return lambda pk: pk < size and bool(data[pk >> 3] >> (pk & 7) & 1)


def _rows(alias, flags=()):
    """One row per published innovation: its facet columns, then one boolean per app flag
    (essaimage.hooks.CatalogueFlag: its condition is read in this same query)."""
    annotations = {f"flag_{flag.key}": flag.condition() for flag in flags}
    columns = (Innovation.objects.using(alias).filter(status=Status.PUBLISHED).annotate(**annotations)
               .values_list("id", "stage", "region_id", "departement_id", "organisation__kind",
                            "replication_count", "theme_ids", *annotations).order_by())
    sql, params = columns.query.sql_with_params()
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def build(version: int, alias: str = "default") -> FacetIndex:
    """The index of the published catalogue, read in one snapshot (its rows and newest-first
    order agree even while others write), which is at least as new as `version`."""
    connection = connections[alias]
    if connection.in_atomic_block:  # inside a caller's transaction (tests): read in it
        return _build(version, alias)
    with transaction.atomic(using=alias):
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        return _build(version, alias)


def _build(version: int, alias: str) -> FacetIndex:
    flags = catalogue_flags()
    rows = _rows(alias, flags)
    size = max((row[0] for row in rows), default=-1) + 1

    def new_column():
        return bytearray(size)  # one byte per primary key, 1 where the value applies

    facets = facet_names()
    columns = {facet: defaultdict(new_column) for facet in facets}
    flag_columns = [columns[flag.key] for flag in flags]
    stages, regions, departements, kinds, replicated, themes = (
        columns[facet] for facet in ("stage", "region", "departement", "kind", "replicated", "theme"))
    published = new_column()
    for pk, stage, region, departement, kind, replications, theme_ids, *flagged in rows:
        published[pk] = 1
        stages[stage][pk] = 1
        regions[region][pk] = 1
        departements[departement][pk] = 1
        kinds[kind][pk] = 1
        replicated["oui" if replications > 0 else "non"][pk] = 1
        for theme in theme_ids or ():
            themes[theme][pk] = 1
        for column, value in zip(flag_columns, flagged, strict=True):
            if value:
                column[FLAG_YES][pk] = 1
    masks = {facet: {str(value): bits_of(column) for value, column in columns[facet].items() if value is not None}
             for facet in facets}
    order, position = _sort_order(alias, Sort.NEWEST, size)  # the default order, in the same snapshot
    return FacetIndex(version=version, built_at=time.monotonic(), size=size, everything=bits_of(published),
                      masks=masks, orders={Sort.NEWEST: order}, positions={Sort.NEWEST: position}, alias=alias)


def _sort_order(alias, sort, size) -> tuple[array, array]:
    """Published keys below `size` in this sort order, and each key's position (-1: absent)."""
    order = array("l", (pk for pk in _ordered_keys(alias, ORDERINGS[sort]) if pk < size))
    position = array("l", [-1]) * size
    for rank, pk in enumerate(order):
        position[pk] = rank
    return order, position


def _ordered_keys(alias, ordering) -> list[int]:
    """Every published primary key, in this order (as the database sorts it: collation, NULLs)."""
    keys = (Innovation.objects.using(alias).filter(status=Status.PUBLISHED).order_by(*ordering)
            .values_list("id"))
    sql, params = keys.query.sql_with_params()
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


_indexes: dict[str, FacetIndex] = {}
_lock = threading.Lock()


def get(alias: str | None = None) -> FacetIndex:
    """The index of the current catalogue version, built if this process has none yet."""
    alias = alias or router.db_for_read(Innovation)
    version = catalogue_version.current_version(alias)
    keep = settings.CATALOGUE_INDEX_SECONDS

    def usable(index):
        # A newer index (built by another thread meanwhile) is usable too.
        return keep > 0 and index is not None and index.version >= version and time.monotonic() - index.built_at < keep

    index = _indexes.get(alias)
    if usable(index):
        return index
    with _lock:  # one build at a time per process; others wait and reuse it
        index = _indexes.get(alias)
        if usable(index):
            return index
        index = build(version, alias)
        _indexes[alias] = index
        return index


def forget() -> None:
    """Drop this process's indexes (tests; or after writing to the catalogue without signals)."""
    _indexes.clear()
