"""The portal's back office in the UI shell: a dashboard panel (the list of
requests is reached through the energy pages' sub-navigation)."""

from woonloket.core import dashboard
from woonloket.core.roles import Perm


def _new_requests(request, actor):
    from .selectors import coach_requests_new

    rows, total = coach_requests_new(request.user, limit=8)
    return {"coach_requests": rows, "coach_requests_total": total}


dashboard.register(dashboard.Panel("portal/panels/coach_requests.html",
                                   Perm.VIEW_PERSONAL_DATA, _new_requests))
