"""Errors that services raise; forms show them, the API maps them to 4xx."""


class ServiceError(Exception):
    """A request that breaks a rule: answered 422 with the rule's reason in Dutch."""

    status = 422

    def __init__(self, message: str, errors: dict[str, str] | None = None,
                 extra: dict | None = None):
        super().__init__(message)
        self.message = message
        self.errors = errors or {}
        self.extra = extra or {}  # more JSON for the API answer (e.g. the conflicting stay)


class Conflict(ServiceError):
    """The thing asked for is taken (a home already booked): answered 409."""

    status = 409
