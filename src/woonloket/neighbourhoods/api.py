"""API of the neighbourhoods app under /api/v1/energy/."""

from ninja import Router

router = Router(tags=["energie"])
