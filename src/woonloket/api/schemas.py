"""Types and schemas the apps' APIs share."""

from typing import Annotated

from ninja import Schema
from pydantic import Field

# A database id: anything outside a 64-bit key is a 422, never a database error.
Id = Annotated[int, Field(ge=1, le=2**63 - 1)]


class AddressIn(Schema):
    """An address whose parts may each be left out (DESIGN "API conventions")."""

    street: str = Field("", max_length=150)
    number: str = Field("", max_length=10)
    box: str = Field("", max_length=10)
    postal_code: str = Field("", pattern=r"^(\d{4})?$")
    municipality_nis: str | None = Field(None, pattern=r"^\d{5}$")
