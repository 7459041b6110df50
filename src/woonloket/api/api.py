"""The HTTP API under /api/v1/: assembles each app's router."""

from django.http import JsonResponse
from ninja import NinjaAPI

from woonloket.cases.api import router as cases_router
from woonloket.clients.api import router as clients_router
from woonloket.core.api import router as core_router
from woonloket.energy.api import router as energy_router
from woonloket.energy.api_public import router as energy_public_router
from woonloket.evictions.api import router as evictions_router
from woonloket.housing.api import router as housing_router
from woonloket.neighbourhoods.api import router as neighbourhoods_router
from woonloket.rentals.api import router as rentals_router
from woonloket.reports.api import router as reports_router

from . import errors
from .auth import AUTH

api = NinjaAPI(
    title="woonloket API",
    version="1",
    description="API van woonloket. Authenticatie: `Authorization: Bearer <token>` "
    "(`manage.py apitoken GEBRUIKER`). Fouten: `{detail, errors: [{field, message}]}`.",
    auth=AUTH,
    urls_namespace="api",
)
errors.install(api)
api.add_router("/", core_router)
api.add_router("/", clients_router)
api.add_router("/", cases_router)
api.add_router("/housing", housing_router)
api.add_router("/evictions", evictions_router)
api.add_router("/rentals", rentals_router)
api.add_router("/reports", reports_router)
api.add_router("/energy", energy_router)
api.add_router("/energy", energy_public_router)
api.add_router("/energy", neighbourhoods_router)


def not_found(request, rest=""):
    """Unknown paths under /api/v1/ answer in the API's error shape too."""
    return JsonResponse(errors.body("Niet gevonden."), status=404)
