"""The energy back office in the UI shell: navigation, the case page's link,
a dashboard panel and what it adds to a case's timeline."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from woonloket.cases.selectors import CASE_LINKS, CaseLink, TimelineItem, register_timeline_source
from woonloket.core import dashboard, navigation
from woonloket.core.roles import Perm

# One entry for the whole chain; its pages share a sub-navigation
# (energy/_head.html): screenings, coaching, contractors, the citizens'
# requests for a coach (portal) and the neighbourhood screening.
navigation.register(
    navigation.NavItem(_("Energie"), "energy:screenings", Perm.VIEW_PERSONAL_DATA,
                       description=_("Screenings aan huis, renovatiebegeleiding, aannemers, "
                                     "vragen van burgers en wijkscreening")),
)

CASE_LINKS.append(CaseLink(_("Energie"), "energy:case", for_viewers=True))


def _panel(request, actor):
    from .models import Phase
    from .selectors import phase_counts, screenings

    counts = phase_counts(request.user)
    return {"screenings": list(screenings(request.user, open_only=True)[:8]),
            "trajectories": [(p.value, p.label, counts[p.value]) for p in Phase
                             if counts[p.value]]}


dashboard.register(dashboard.Panel("energy/panels/energy.html", Perm.VIEW_PERSONAL_DATA, _panel))


@register_timeline_source
def _timeline(user, case) -> list[TimelineItem]:
    """Screenings, follow-up decisions and renovation coaching (three queries)."""
    from .models import FollowUp, Screening, Trajectory

    screenings = list(Screening.objects.visible_to(user).filter(case=case)
                      .select_related("scan").defer("scan__inputs", "scan__result"))
    items = [
        TimelineItem(s.created_at, "screening", f"Screening aan huis ({s.visited_on:%d-%m-%Y})",
                     f"Geschat label {s.scan.label} (schatting, geen EPC)",
                     reverse("energy:screening", args=[s.pk]))
        for s in screenings
    ]
    items += [
        TimelineItem(f.created_at, "opvolging", f"Opvolging: {f.get_kind_display()}", f.reason,
                     reverse("energy:screening", args=[f.screening_id]))
        for f in FollowUp.objects.filter(screening__in=[s.pk for s in screenings])
    ]
    items += [
        TimelineItem(t.created_at, "renovatie", "Renovatiebegeleiding",
                     f"Fase {t.get_phase_display()}", reverse("energy:trajectory", args=[t.pk]))
        for t in Trajectory.objects.visible_to(user).filter(case=case)
    ]
    return items
