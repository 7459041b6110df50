"""One unit never holds two stays on the same night: on PostgreSQL a database
exclusion constraint over the range of occupied nights [first_night,
occupied_until) (an open end is unbounded). SQLite has no such constraint; the
booking service serialises there (IMMEDIATE transactions, see services.py)."""

from django.db import migrations

UP = (
    "CREATE EXTENSION IF NOT EXISTS btree_gist",
    "ALTER TABLE housing_stay ADD CONSTRAINT stay_no_overlap EXCLUDE USING gist "
    "(unit_id WITH =, daterange(first_night, occupied_until, '[)') WITH &&)",
)
DOWN = ("ALTER TABLE housing_stay DROP CONSTRAINT IF EXISTS stay_no_overlap",)


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)
    return run


class Migration(migrations.Migration):
    dependencies = [("housing", "0001_initial")]
    operations = [migrations.RunPython(_run(UP), _run(DOWN))]
