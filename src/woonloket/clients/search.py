"""Fuzzy people search on both databases.

Names are folded in Python (clients.rules.fold: no accents, case, spaces or
hyphens) into Person.search_key. PostgreSQL compares with pg_trgm's
`similarity`/`word_similarity` on a GIN trigram index; SQLite gets the same
trigram similarity as a Python function registered on each connection.
"""

from django.db.backends.signals import connection_created
from django.db.models import F, FloatField, Func, Q, Value

from . import rules

THRESHOLD = 0.3


def _register_sqlite_similarity(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "woonloket_similarity", 2, lambda q, text: rules.word_similarity(q or "", text or ""),
            deterministic=True,
        )


connection_created.connect(_register_sqlite_similarity)


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


def name_filter(q: str) -> tuple[Q, NameSimilarity]:
    key = query_key(q)
    similarity = NameSimilarity(key)
    return Q(search_key__contains=key.replace(" ", "")) | Q(similarity__gte=THRESHOLD), similarity
