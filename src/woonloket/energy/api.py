"""API of the energy app under /api/v1/energy/."""

from ninja import Router

router = Router(tags=["energie"])
