from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from woonloket.core import services
from woonloket.core.population import PopulationFileError


class Command(BaseCommand):
    help = (
        "Leest Statbels open-databestand TF_SOC_POP_STRUCT_<jaar> (.zip of .txt) en "
        "bewaart het inwonertal per gemeente met de referentiedatum."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--date", dest="reference_date", type=date.fromisoformat, default=None,
            help="Referentiedatum (JJJJ-MM-DD); standaard 1 januari van het jaar in de naam.",
        )

    def handle(self, *args, file, reference_date, **options):
        try:
            result = services.population_import(None, file, reference_date)
        except PopulationFileError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"{result.updated} gemeenten bijgewerkt: {result.source}."
        )
        if result.unknown_codes:
            self.stdout.write(self.style.WARNING(
                f"{len(result.unknown_codes)} NIS-codes niet gekend (gemeenten van vóór de "
                f"fusies van 2025?): {', '.join(result.unknown_codes[:20])}"
                + (" …" if len(result.unknown_codes) > 20 else "")
            ))
