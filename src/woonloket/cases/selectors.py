"""Reads of cases, scoped to what the user may see, audited, with a fixed
number of queries."""

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from woonloket.core import audit

from .models import Case, CaseTheme, Contact


def case_list(
    user, *, municipality_nis: str | None = None, status: str | None = None,
    is_priority: bool | None = None,
) -> QuerySet[Case]:
    qs = (
        Case.objects.visible_to(user)
        .select_related("municipality", "lead_organisation", "contact_person")
        .prefetch_related(Prefetch("themes", queryset=CaseTheme.objects.order_by("theme")))
    )
    if municipality_nis:
        qs = qs.filter(municipality_id=municipality_nis)
    if status:
        qs = qs.filter(status=status)
    if is_priority is not None:
        qs = qs.filter(is_priority=is_priority)
    return qs.order_by("-opened_on", "-pk")


def case_detail(user, case_id: int, *, reason: str = "") -> Case:
    """One case the user may see (else 404); the read is audited."""
    case = case_list(user).filter(pk=case_id).first()
    if case is None:
        raise Http404
    audit.record(user, audit.Action.READ, case, organisation_id=case.lead_organisation_id,
                 reason=reason)
    return case


def case_contacts(user, case: Case) -> QuerySet[Contact]:
    """The contacts of a case; a partner that sees the case through a share sees
    them only with consent for 'contacts', and never the confidential ones."""
    qs = Contact.objects.visible_to(user, section="contacts").filter(case=case)
    if not user.is_superuser and not user.memberships.filter(
        organisation_id=case.lead_organisation_id
    ).exists():
        qs = qs.filter(is_confidential=False)
    return qs.select_related("staff").order_by("-at")
