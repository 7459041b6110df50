"""Every API error in one shape: {"detail": "...", "errors": [{"field", "message"}]}.

Validation messages are in Dutch, translated from pydantic's error types.
"""

import re

from django.core.exceptions import PermissionDenied
from django.http import Http404
from ninja.errors import AuthenticationError, HttpError, ValidationError

from woonloket.core.errors import ServiceError

_WRAPPERS = {"body", "query", "path", "header", "cookie", "form", "file", "payload", "filters"}

_MESSAGES = {
    "missing": "Dit veld is verplicht.",
    "string_type": "Verwacht tekst.",
    "string_too_short": "Te kort: minstens {min_length} teken(s).",
    "string_too_long": "Te lang: hoogstens {max_length} tekens.",
    "string_pattern_mismatch": "Heeft niet de juiste vorm.",
    "int_type": "Verwacht een geheel getal.",
    "int_parsing": "Verwacht een geheel getal.",
    "int_from_float": "Verwacht een geheel getal.",
    "float_type": "Verwacht een getal.",
    "float_parsing": "Verwacht een getal.",
    "decimal_parsing": "Verwacht een getal.",
    "bool_type": "Verwacht true of false.",
    "bool_parsing": "Verwacht true of false.",
    "list_type": "Verwacht een lijst.",
    "dict_type": "Verwacht een object.",
    "model_type": "Verwacht een object.",
    "model_attributes_type": "Verwacht een object.",
    "enum": "Kies een van: {expected}.",
    "literal_error": "Kies een van: {expected}.",
    "date_parsing": "Geen geldige datum (verwacht JJJJ-MM-DD).",
    "date_from_datetime_parsing": "Geen geldige datum (verwacht JJJJ-MM-DD).",
    "date_type": "Geen geldige datum (verwacht JJJJ-MM-DD).",
    "datetime_parsing": "Geen geldig tijdstip (verwacht ISO 8601).",
    "datetime_from_date_parsing": "Geen geldig tijdstip (verwacht ISO 8601).",
    "datetime_type": "Geen geldig tijdstip (verwacht ISO 8601).",
    "greater_than": "Moet groter zijn dan {gt}.",
    "greater_than_equal": "Moet minstens {ge} zijn.",
    "less_than": "Moet kleiner zijn dan {lt}.",
    "less_than_equal": "Mag hoogstens {le} zijn.",
    "too_short": "Te weinig elementen: minstens {min_length}.",
    "too_long": "Te veel elementen: hoogstens {max_length}.",
    "json_invalid": "De body is geen geldige JSON.",
    "extra_forbidden": "Dit veld bestaat niet.",
    "finite_number": "Verwacht een eindig getal.",
    "decimal_max_places": "Hoogstens {decimal_places} cijfer(s) na de komma.",
    "decimal_max_digits": "Te veel cijfers: hoogstens {max_digits}.",
    "decimal_whole_digits": "Te veel cijfers voor de komma.",
}


def body(detail: str, errors: list[dict] | None = None) -> dict:
    return {"detail": detail, "errors": errors or []}


def field_of(loc) -> str:
    """The field a pydantic error is about; "body" for the request body itself."""
    parts = [str(p) for p in loc]
    while len(parts) > 1 and parts[0] in _WRAPPERS:
        parts.pop(0)
    if parts and parts[0] in _WRAPPERS:
        return "body"
    return ".".join(parts)


def dutch_message(error: dict) -> str:
    template = _MESSAGES.get(error.get("type", ""))
    if template is None:
        if error.get("type") == "value_error":
            return str(error.get("msg", "")).removeprefix("Value error, ")
        return "Ongeldige waarde."
    # pydantic lists choices as "'a', 'b' or 'c'": say "of" in Dutch
    ctx = {k: re.sub(r"(?<=') or (?=')", " of ", str(v))
           for k, v in (error.get("ctx") or {}).items()}
    try:
        return template.format(**ctx)
    except (KeyError, IndexError):
        return template.split(":")[0] + "."


def install(api) -> None:
    @api.exception_handler(ValidationError)
    def validation(request, exc):
        errors = [{"field": field_of(e.get("loc", ())), "message": dutch_message(e)}
                  for e in exc.errors]
        return api.create_response(
            request, body("De gegevens zijn niet geldig.", errors), status=422
        )

    @api.exception_handler(ServiceError)
    def service_error(request, exc):
        errors = [{"field": f, "message": m} for f, m in exc.errors.items()]
        return api.create_response(
            request, {**body(exc.message, errors), **exc.extra}, status=exc.status
        )

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request, exc):
        return api.create_response(
            request,
            body("Niet aangemeld: geef een geldig token mee (Authorization: Bearer <token>)."),
            status=401,
        )

    @api.exception_handler(PermissionDenied)
    def forbidden(request, exc):
        return api.create_response(
            request, body("U hebt geen toestemming voor deze handeling."), status=403
        )

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return api.create_response(request, body("Niet gevonden."), status=404)

    @api.exception_handler(HttpError)
    def http_error(request, exc):
        detail = {400: "De body is geen geldige JSON."}.get(exc.status_code, str(exc))
        return api.create_response(request, body(detail), status=exc.status_code)
