from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from woonloket.core import services


class Command(BaseCommand):
    help = "Maakt een API-token voor GEBRUIKER en drukt alleen het token af."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--create-admin", action="store_true",
            help="Maak GEBRUIKER eerst aan als platformbeheerder (mag alles).",
        )
        parser.add_argument("--name", default="", help="Waarvoor het token dient.")

    def handle(self, *args, username, create_admin, name, **options):
        if create_admin:
            user = services.platform_admin_ensure(username)
        else:
            try:
                user = get_user_model().objects.get(username=username, is_active=True)
            except get_user_model().DoesNotExist as exc:
                raise CommandError(
                    f"Gebruiker {username!r} bestaat niet (gebruik --create-admin)."
                ) from exc
        self.stdout.write(services.api_token_create(None, for_user=user, name=name))
