"""Demo data of the reports: a text per policy priority for Izegem and a few
figures from outside woonloket, labelled as demo figures (not real data)."""

from decimal import Decimal

from django.contrib.auth import get_user_model

from woonloket.cases.demo import TODAY
from woonloket.core.seeding import SeedContext, seeder

from .models import ExternalFigure, PriorityText

DEMO_SOURCE = "demogegeven (geen echte cijfers)"


@seeder("reports.texts_and_external")
def seed_reports(ctx: SeedContext) -> None:
    author = get_user_model().objects.filter(username="demo-coordinator").first()
    if author is None or ctx.scale != "small":
        return
    year = TODAY.year - 1
    PriorityText.objects.bulk_create([
        PriorityText(municipality_id="36008", year=year, position=1, written_by=author,
                     title="Dakloosheid voorkomen",
                     text="Elk verzoekschrift tot uithuiszetting krijgt een huisbezoek vóór de "
                          "zitting; samen met het OCMW volgen we de huurachterstallen op."),
        PriorityText(municipality_id="36008", year=year, position=2, written_by=author,
                     title="Betaalbaar en kwaliteitsvol wonen",
                     text="De woonclub zoekt samen met kwetsbare huurders en houdt de immolijst "
                          "bij; vrijwilligers controleren elke woning om de twee weken."),
    ])
    ExternalFigure.objects.bulk_create([
        ExternalFigure(municipality_id="36008", year=y, code=code, value=Decimal(value + 7 * i),
                       source=DEMO_SOURCE, entered_by=author)
        for i, y in enumerate((year - 1, year))
        for code, value in (("candidate_tenants", 640), ("social_stock", 1210),
                            ("allocations", 58), ("unfitness_declarations", 12))])
    ctx.out("  teksten en cijfers van buiten woonloket voor het jaarrapport (demo)")
