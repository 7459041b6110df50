"""Request id for the audit log, and the second-factor gate."""

import uuid

from django.conf import settings
from django.shortcuts import redirect

from .access import actor_for
from .audit import request_id_var
from .roles import role_needs_second_factor


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = uuid.uuid4().hex[:16]
        token = request_id_var.set(request.request_id)
        try:
            response = self.get_response(request)
        finally:
            request_id_var.reset(token)
        response["X-Request-ID"] = request.request_id
        return response


def needs_second_factor(user) -> bool:
    """True when this user must pass a TOTP code before seeing anything else."""
    if not settings.WOONLOKET_REQUIRE_2FA or not user.is_authenticated:
        return False
    actor = actor_for(user)
    return actor.is_platform_admin or any(role_needs_second_factor(r) for r in actor.roles)


_OPEN_PREFIXES = ("/static/", "/api/", "/account/", "/publiek/")


class SecondFactorMiddleware:
    """Sends a signed-in user who still owes a second factor to set it up or enter it.

    The API is outside this gate: it authenticates with bearer tokens, which
    are issued to integrations by an administrator.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if (
            path != "/"
            and not path.startswith(_OPEN_PREFIXES)
            and needs_second_factor(request.user)
            and not request.user.is_verified()
        ):
            return redirect("core:second_factor")
        return self.get_response(request)
