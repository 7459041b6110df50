"""Letter 1, the card and letter 2 as PDF (WeasyPrint): the organisation's
template (or the default text below) with its placeholders filled, addressed
in Belgian style for a window envelope; letter 1 carries the blue-envelope
mark. The caller keeps the exact PDF (services.letter_issue)."""

from __future__ import annotations

import base64

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import escape, linebreaks

from woonloket.core.models import Organisation

from . import rules
from .models import Assignment, LetterTemplate, Petition, Step

DEFAULT_BODY = {
    "letter1": (
        "Beste {naam}\n\n"
        "Het vredegerecht liet ons weten dat uw verhuurder vraagt om de huur te beëindigen "
        "en u uit de woning te laten zetten. De zitting is op {zittingsdatum} om "
        "{zittingsuur} bij {vredegerecht}.\n\n"
        "Wij willen samen met u zoeken naar een oplossing, vóór de zitting. Daarom komen wij "
        "bij u langs op {bezoekdatum} om {bezoekuur}. Past dat moment niet? Bel dan naar "
        "{begeleider} op {telefoon}; dan spreken we een ander moment af.\n\n"
        "In de folder bij deze brief leest u wat wij voor u kunnen doen. Onze hulp is "
        "gratis en wat u ons vertelt, blijft vertrouwelijk."
    ),
    "card": (
        "Beste {naam}\n\n"
        "Wij kwamen vandaag bij u langs, maar u was niet thuis. Wij willen u graag helpen "
        "voor de zitting bij {vredegerecht} op {zittingsdatum} om {zittingsuur}.\n\n"
        "Bel of sms {begeleider} op {telefoon}."
    ),
    "letter2": (
        "Beste {naam}\n\n"
        "Wij probeerden u te bereiken over het verzoek tot uithuiszetting van uw verhuurder. "
        "De zitting is op {zittingsdatum} om {zittingsuur} bij {vredegerecht}.\n\n"
        "Wij nodigen u uit op ons kantoor om samen naar een oplossing te zoeken: een "
        "afbetalingsplan, hulp van het OCMW of een andere woning. Bel {begeleider} op "
        "{telefoon} voor een afspraak.\n\n"
        "Ga zeker naar de zitting. Wie niet komt, kan veroordeeld worden zonder dat de "
        "rechter uw kant van het verhaal hoort."
    ),
}
DEFAULT_SIGNATURE = "Met vriendelijke groeten\n\n{begeleider}\nwoonbegeleider"


def template_for(organisation: Organisation, kind: str) -> LetterTemplate:
    """The organisation's template, or an unsaved one with the default text."""
    saved = LetterTemplate.objects.filter(organisation=organisation, kind=kind).first()
    return saved or LetterTemplate(organisation=organisation, kind=kind,
                                   sender=organisation.name, body=DEFAULT_BODY[kind],
                                   signature=DEFAULT_SIGNATURE)


def values_for(petition: Petition) -> dict[str, str]:
    """The placeholder values of a petition (Dutch dates, the counsellor)."""
    hearing = timezone.localtime(petition.hearing_at)
    visit = Step.objects.filter(petition=petition, kind="home_visit").first()
    planned = timezone.localtime(visit.planned_at) if visit and visit.planned_at else None
    counsellor = petition.case.contact_person
    assignment = Assignment.objects.filter(organisation_id=petition.organisation_id,
                                           municipality_id=petition.municipality_id).first()
    return {
        "naam": petition.tenant_name,
        "adres": f"{petition.address_line}, {petition.postal_code} "
                 f"{petition.municipality.name}",
        "bezoekdatum": rules.long_date(planned.date()) if planned else "(datum volgt)",
        "bezoekuur": rules.clock(planned) if planned else "(uur volgt)",
        "zittingsdatum": rules.long_date(hearing.date()),
        "zittingsuur": rules.clock(hearing),
        "vredegerecht": f"het vredegerecht van het kanton {petition.canton.seat}",
        "begeleider": (counsellor.get_full_name() or counsellor.get_username())
        if counsellor else petition.organisation.name,
        "telefoon": assignment.phone if assignment and assignment.phone else "ons nummer",
    }


def _html_text(text: str, values: dict[str, str]) -> str:
    """Escaped text with the values filled in and line breaks as paragraphs."""
    return linebreaks(rules.fill(escape(text), {k: escape(v) for k, v in values.items()}))


def render(petition: Petition, kind: str):
    """The letter as a rendered WeasyPrint document (pages can be combined)."""
    from weasyprint import HTML

    template = template_for(petition.organisation, kind)
    values = values_for(petition)
    logo = (f"data:{template.logo_type};base64,{base64.b64encode(bytes(template.logo)).decode()}"
            if template.logo else "")
    html = render_to_string("evictions/letter_pdf.html", {
        "petition": petition, "kind": kind, "is_card": kind == "card",
        "blue_envelope": kind == "letter1", "logo": logo,
        "sender_lines": template.sender.splitlines(),
        "body": _html_text(template.body, values),
        "signature": _html_text(template.signature, values),
        "date_line": rules.long_date(timezone.localdate()).split(" ", 1)[1],
        "municipality": petition.municipality.name.upper(),
        "title": rules.STEP_LABELS[kind],
    })
    return HTML(string=html).render()
