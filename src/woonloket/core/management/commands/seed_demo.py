from django.core.management.base import BaseCommand

from woonloket.core import seeding
from woonloket.core.demo import DEMO_PASSWORD, ensure_demo_users


class Command(BaseCommand):
    help = (
        "Vult de databank met synthetische demogegevens (deterministisch). "
        "Een tweede keer voegt niets toe."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=seeding.SCALES, default="small")

    def handle(self, *args, scale, **options):
        ran = seeding.seed(scale, out=self.stdout.write)
        if ran:
            self.stdout.write(f"Schaal {scale}: {', '.join(ran)} gevuld.")
        else:
            self.stdout.write(f"Schaal {scale} was al gevuld; niets toegevoegd.")
        self.stdout.write("\nDemogebruikers (wachtwoord voor allen: " + DEMO_PASSWORD + "):")
        for username, role, organisation in ensure_demo_users():
            self.stdout.write(f"  {username:<22} {role:<30} {organisation}")
