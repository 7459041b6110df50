"""Copy the household's organisation onto each person (for the people search)."""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def fill(apps, schema_editor):
    Person = apps.get_model("clients", "Person")
    Household = apps.get_model("clients", "Household")
    Person.objects.update(organisation_id=Subquery(
        Household.objects.filter(pk=OuterRef("household_id")).values("organisation_id")[:1]
    ))


class Migration(migrations.Migration):
    dependencies = [("clients", "0002_trigram_search"), ("core", "0003_audit_append_only")]

    operations = [
        migrations.AddField(
            model_name="person", name="organisation",
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT,
                                    related_name="+", to="core.organisation"),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="person", name="organisation",
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT,
                                    related_name="+", to="core.organisation"),
        ),
    ]
