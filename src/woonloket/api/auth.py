"""API authentication: bearer tokens (`manage.py apitoken`), or the browser
session of a user who has passed the second factor where it is required."""

from ninja.security import HttpBearer, SessionAuth

from woonloket.core.middleware import needs_second_factor
from woonloket.core.services import api_token_user


class BearerToken(HttpBearer):
    def authenticate(self, request, token):
        user = api_token_user(token.strip()) if token else None
        if user is not None:
            request.user = user
        return user


class VerifiedSession(SessionAuth):
    def authenticate(self, request, key):
        user = super().authenticate(request, key)
        if user and needs_second_factor(user) and not user.is_verified():
            return None
        return user


AUTH = [BearerToken(), VerifiedSession()]
