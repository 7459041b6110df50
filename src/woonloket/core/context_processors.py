from django.conf import settings

from . import navigation
from .access import actor_for


def navigation_context(request):
    actor = actor_for(getattr(request, "user", None))
    return {
        "nav_items": navigation.items_for(actor) if actor.user_id else [],
        "demo_mode": settings.WOONLOKET_DEMO,
        "require_2fa": settings.WOONLOKET_REQUIRE_2FA,
    }

