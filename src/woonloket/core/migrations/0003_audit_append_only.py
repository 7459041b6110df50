"""The audit log is append-only in the database itself: a trigger refuses
UPDATE and DELETE on core_auditentry, on PostgreSQL and on SQLite."""

from django.db import migrations

from woonloket.core import audit_triggers as sql


def _run(schema_editor, postgres, sqlite):
    vendor = schema_editor.connection.vendor
    statements = {"postgresql": [postgres], "sqlite": sqlite}.get(vendor, [])
    for statement in statements:
        schema_editor.execute(statement)


def up(apps, schema_editor):
    _run(schema_editor, sql.POSTGRES_UP, sql.SQLITE_UP)


def down(apps, schema_editor):
    _run(schema_editor, sql.POSTGRES_DOWN, sql.SQLITE_DOWN)


class Migration(migrations.Migration):
    dependencies = [("core", "0002_reference_data")]
    operations = [migrations.RunPython(up, down)]
