"""Demo meetings: the lokaal woonoverleg of the Izegem region (one municipality
met only once this year, so the flag shows) and a taskforce with actions."""

from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from woonloket.cases.demo import TODAY
from woonloket.core.models import Organisation, Region
from woonloket.core.seeding import SeedContext, seeder

from .models import Kind, Meeting, MeetingAction


@seeder("meetings.demo")
def seed_meetings(ctx: SeedContext) -> None:
    if ctx.scale != "small":
        return
    organiser = Organisation.objects.filter(name="Woondienst Regio Izegem").first()
    author = get_user_model().objects.filter(username="demo-coordinator").first()
    counsellor = get_user_model().objects.filter(username="demo-woonbegeleider").first()
    region = Region.objects.filter(code="regio-izegem").first()
    if not (organiser and author and region):
        return
    for i, m in enumerate(region.municipalities.order_by("nis_code")):
        for month in ((3, 10) if i else (5,)):
            meeting = Meeting.objects.create(
                kind=Kind.LWO, municipality=m, organiser=organiser, created_by=author,
                starts_at=timezone.make_aware(datetime(TODAY.year, month, 10 + i, 14)),
                place=f"Gemeentehuis {m.name}", agenda="Kerncijfers\nBeleidsprioriteiten\nVaria",
                minutes="De kerncijfers van vorig jaar werden voorgesteld en besproken.",
                decisions="Jaarrapport goedgekeurd\nWerkgroep betaalbaar wonen opstarten")
            meeting.present_people.set([author])
    taskforce = Meeting.objects.create(
        kind=Kind.TASKFORCE, region=region, organiser=organiser, created_by=author,
        starts_at=timezone.make_aware(datetime(TODAY.year, 9, 15, 10)), place="Online",
        online=True, agenda="Huurprijzen in de regio\nAfspraken met vastgoedkantoren",
        decisions="Overleg met de vastgoedkantoren plannen")
    taskforce.invited_people.set([p for p in (author, counsellor) if p])
    if counsellor:
        MeetingAction.objects.create(meeting=taskforce, owner=counsellor,
                                     description="Lijst van vastgoedkantoren opmaken",
                                     due_on=TODAY + timedelta(days=20))
    ctx.out("  lokale woonoverleggen en een taskforce (demo)")
