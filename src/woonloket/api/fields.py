"""Field types the API schemas share."""

from typing import Annotated

from pydantic import Field

# A database id: anything outside a 64-bit key is a 422, never a database error.
Id = Annotated[int, Field(ge=1, le=2**63 - 1)]
