"""The evictions app in the UI shell: navigation, dashboard panels and what
it adds to a case's timeline."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from woonloket.cases.selectors import CASE_LINKS, CaseLink, TimelineItem, register_timeline_source
from woonloket.core import dashboard, navigation
from woonloket.core.roles import Perm

from . import rules

navigation.register(
    navigation.NavItem(_("Uithuiszettingen"), "evictions:board", Perm.VIEW_PERSONAL_DATA,
                       description=_("Verzoekschriften, huisbezoeken, brieven en zittingen")),
    navigation.NavItem(_("Huurbemiddeling"), "evictions:mediations", Perm.VIEW_PERSONAL_DATA,
                       description=_("Proactieve bemiddeling tussen huurder en verhuurder")),
)


def _panel(request, actor):
    from .selectors import board_rows, ocmw_inbox, petitions

    mine = list(petitions(request.user, mine=True)[:8])
    return {"inbox": list(ocmw_inbox(request.user)[:10]),
            "mine": board_rows(request.user, mine)}


CASE_LINKS.append(CaseLink(_("Huurbemiddeling"), "evictions:mediations", query="dossier"))
dashboard.register(dashboard.Panel("evictions/panels/petitions.html", Perm.VIEW_PERSONAL_DATA,
                                   _panel))


@register_timeline_source
def _timeline(user, case) -> list[TimelineItem]:
    """Petitions and the letters kept on them (two queries)."""
    from .models import Letter, Petition

    petitions = list(Petition.objects.visible_to(user).filter(case=case)
                     .select_related("canton"))
    items = [TimelineItem(p.created_at, "verzoekschrift",
                          f"Verzoekschrift uithuiszetting {p.roll_number}",
                          f"Zitting {timezone.localtime(p.hearing_at):%d-%m-%Y %H:%M}, "
                          f"vredegerecht {p.canton.seat}",
                          reverse("evictions:petition", args=[p.pk])) for p in petitions]
    items += [TimelineItem(letter.created_at, "brief", rules.STEP_LABELS[letter.kind],
                           f"PDF bewaard (SHA-256 {letter.sha256[:12]}…)",
                           reverse("evictions:letter", args=[letter.petition_id, letter.pk]))
              for letter in Letter.objects.visible_to(user).filter(petition__case=case)
              .defer("pdf")]
    return items
