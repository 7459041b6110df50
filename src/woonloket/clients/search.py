"""Fuzzy people search on both databases.

Names are folded in Python (clients.rules.fold: no accents, case, spaces or
hyphens) into Person.search_key. PostgreSQL matches with pg_trgm's indexable
operators (`%>` word similarity, `LIKE`) on a GIN trigram index and ranks by
similarity; SQLite gets the same trigram similarity as a
Python function registered on each connection (a scan, fine at its scale).
"""

from django.db import connection as default_connection
from django.db.backends.signals import connection_created
from django.db.models import F, FloatField, Func, Q, Value

from . import rules

THRESHOLD = 0.3  # similarity of the whole name, as pg_trgm's default
WORD_THRESHOLD = 0.45  # similarity to a part of the name (pg_trgm default 0.6 misses typos)


def _on_connect(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "woonloket_similarity", 2, lambda q, text: rules.word_similarity(q or "", text or ""),
            deterministic=True,
        )
    elif connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SET pg_trgm.similarity_threshold = %s; SET pg_trgm.word_similarity_threshold = %s",
                [THRESHOLD, WORD_THRESHOLD],
            )


connection_created.connect(_on_connect)


class NameSimilarity(Func):
    """Similarity of the folded query to a person's search key (0..1)."""

    output_field = FloatField()

    def __init__(self, query: str):
        super().__init__(Value(query), F("search_key"))

    def as_postgresql(self, compiler, connection, **extra):
        sql, params = super().as_sql(compiler, connection, function="similarity", **extra)
        word_sql = sql.replace("similarity(", "word_similarity(", 1)
        return f"GREATEST({sql}, {word_sql})", (*params, *params)

    def as_sql(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection, function="woonloket_similarity", **extra)


def query_key(q: str) -> str:
    """The query as search keys are written: folded words, space separated."""
    return " ".join(rules.fold(word) for word in q.split() if rules.fold(word))


def name_filters(q: str) -> tuple[Q, Q, NameSimilarity]:
    """For a name query: the filter for names that contain it, the filter for
    names like it (typos), and the similarity to rank by."""
    key = query_key(q)
    contained = Q(search_key__contains=key.replace(" ", ""))
    if default_connection.vendor == "postgresql":
        # `%>` (word similarity) is indexable; whole-name similarity (`%`)
        # matches far too many rows to rank at Flanders scale
        similar = Q(search_key__trigram_word_similar=key)
    else:
        similar = Q(similarity__gte=THRESHOLD)
    return contained, similar, NameSimilarity(key)
