"""PostgreSQL: pg_trgm and a GIN trigram index on Person.search_key, used by
similarity(), word_similarity() and LIKE '%...%'. SQLite needs nothing: it
gets the same similarity as a Python function (clients/search.py)."""

from django.db import migrations

UP = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm;",
    "CREATE INDEX IF NOT EXISTS clients_person_search_trgm "
    "ON clients_person USING gin (search_key gin_trgm_ops);",
]
DOWN = ["DROP INDEX IF EXISTS clients_person_search_trgm;"]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)
    return run


class Migration(migrations.Migration):
    dependencies = [("clients", "0001_initial")]
    operations = [migrations.RunPython(_run(UP), _run(DOWN))]
