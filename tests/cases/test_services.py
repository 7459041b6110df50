"""Intake, assessment, action plan, evaluations, closing, timeline, my work, figures."""

from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from woonloket.cases import figures, selectors, services
from woonloket.cases.models import Case
from woonloket.clients.services import HouseholdIn, MemberIn, household_register
from woonloket.core.errors import ServiceError

SCORES = {"financieel": 2, "psychosociaal": 3, "gezondheid": 4, "administratief": 2,
          "juridisch": 3, "werk_en_inkomen": 1}


@pytest.fixture
def case(alice):
    household = household_register(alice, HouseholdIn(
        municipality_nis="36008", tenure="private_rent",
        members=[MemberIn("Céline", "Van de Putte", "self", date(1985, 7, 30))],
    ))
    return services.case_open(alice, household_id=household.pk, municipality_nis="36008",
                              themes=["dreigende_dakloosheid"], source="loket")


def contact(user, case, when, channel="loket"):
    return services.contact_register(user, case, at=when, channel=channel, minutes=20,
                                     summary="gesprek")


def test_intake_records_scores_and_moves_the_case_on(alice, case):
    intake = services.intake_record(alice, case, housing_situation="Huurachterstand, 3 maanden",
                                    question_behind="Schulden", urgency="hoog", scores=SCORES)
    assert intake.werk_en_inkomen == 1
    assert Case.objects.get(pk=case.pk).status == "lopend"


def test_an_incomplete_intake_says_what_is_missing(alice, case):
    with pytest.raises(ServiceError) as exc:
        services.intake_record(alice, case, housing_situation="", question_behind="",
                               urgency="morgen", scores={**SCORES, "juridisch": 7})
    assert set(exc.value.errors) == {"juridisch", "urgency", "housing_situation"}


def test_an_assessment_makes_the_case_priority_and_can_be_undone(alice, case):
    services.priority_assess(alice, case, severe_housing_problem=True,
                             other_problems="schulden", limited_self_reliance=True)
    case.refresh_from_db()
    assert case.is_priority and "schulden" in case.priority_reason
    services.priority_assess(alice, case, severe_housing_problem=False, other_problems="",
                             limited_self_reliance=False)
    case.refresh_from_db()
    assert not case.is_priority


def test_an_action_plan_with_goals_actions_and_evaluations(alice, bob, org_b, case):
    goal = services.goal_add(alice, case, description="Huurachterstand wegwerken")
    mine = services.action_add(alice, goal, description="Afbetalingsplan opmaken", who="staff",
                               due_on=timezone.localdate() + timedelta(days=3))
    partner = services.action_add(alice, goal, description="Budgetbegeleiding", who="partner",
                                  due_on=None, partner_id=org_b.pk)
    assert mine.staff == alice and partner.partner == org_b
    services.action_set_state(alice, mine, "klaar")
    services.evaluation_add(alice, case, held_on=timezone.localdate(), notes="Goed op weg",
                            next_on=timezone.localdate() + timedelta(days=7))
    with pytest.raises(ServiceError):
        services.action_add(alice, goal, description="", who="partner", due_on=None)
    kinds = [item.kind for item in selectors.case_timeline(alice, case)]
    assert kinds.count("actie") == 2 and "evaluatie" in kinds


def test_my_work_lists_cases_actions_evaluations_and_referrals(alice, bob, org_b, case):
    goal = services.goal_add(alice, case, description="Woning zoeken")
    services.action_add(alice, goal, description="Inschrijven sociale huur", who="staff",
                        due_on=timezone.localdate() - timedelta(days=1))
    services.evaluation_add(alice, case, held_on=timezone.localdate() - timedelta(days=20),
                            notes="start", next_on=timezone.localdate() + timedelta(days=2))
    services.referral_create(alice, case, to_organisation_id=org_b.pk, reason="budget",
                             purpose="budgetbegeleiding", scope=["dossier"],
                             expires_on=timezone.localdate() + timedelta(days=30))
    work = selectors.my_work(alice)
    assert [c.pk for c in work.cases] == [case.pk]
    assert [a.description for a in work.actions_due] == ["Inschrijven sociale huur"]
    assert [c.pk for c in work.evaluations_due] == [case.pk]
    assert selectors.my_work(bob).referrals_waiting[0].case_id == case.pk


def test_closing_ends_the_enrolments_and_blocks_new_contacts(alice, case):
    services.enrolment_add(alice, case, program="woningzoektocht",
                           started_on=timezone.localdate())
    with pytest.raises(ServiceError):
        services.enrolment_add(alice, case, program="woningzoektocht",
                               started_on=timezone.localdate())
    services.case_close(alice, case, reason="Woning gevonden", result="private huur")
    assert case.enrolments.get().ended_on == timezone.localdate()
    with pytest.raises(ServiceError):
        contact(alice, case, timezone.now())


def aware(y, m, d):
    return timezone.make_aware(datetime(y, m, d, 10))


def test_yearly_figures(alice, case):
    other = household_register(alice, HouseholdIn(
        municipality_nis="36008", tenure="homeless",
        members=[MemberIn("Jan", "Peeters", "self")]))
    second = services.case_open(alice, household_id=other.pk, municipality_nis="36008",
                                themes=["energie"], source="telefoon")
    for day in (5, 6, 7):
        contact(alice, case, aware(2025, 3, day))  # priority from 7 March 2025
    contact(alice, case, aware(2025, 4, 1), channel="overleg")  # not with the client
    contact(alice, second, aware(2025, 5, 1))
    contact(alice, second, aware(2024, 5, 1))
    izegem = ["36008"]
    assert figures.clients(izegem, 2025) == 2
    assert figures.priority_clients(izegem, 2025) == 1
    assert figures.contacts(izegem, 2025) == 4
    assert figures.priority_contacts(izegem, 2025) == 3
    assert figures.intensive_cases(izegem, 2025) == 1
    assert figures.intensive_cases(izegem, 2024) == 0
    assert figures.clients(izegem, 2024) == 1
    assert figures.clients(["34022"], 2025) == 0


def test_merging_households_keeps_every_linked_record(alice, case):
    from woonloket.clients.models import Household
    from woonloket.clients.services import household_merge

    duplicate = household_register(alice, HouseholdIn(
        municipality_nis="36008", tenure="private_rent", monthly_income_eur=900,
        members=[MemberIn("Celine", "Vandeputte", "self", date(1985, 7, 30))]))
    second_case = services.case_open(alice, household_id=duplicate.pk, municipality_nis="36008",
                                     themes=["energie"], source="telefoon")
    kept = household_merge(alice, keep=case.household, merge=duplicate)
    assert sorted(kept.cases.values_list("pk", flat=True)) == sorted([case.pk, second_case.pk])
    assert kept.members.count() == 2 and kept.incomes.count() == 1
    assert kept.members.filter(relation="self").count() == 1
    assert Household.objects.get(pk=duplicate.pk).merged_into == kept


def test_a_household_cannot_merge_with_itself(alice, case):
    from woonloket.clients.services import household_merge

    with pytest.raises(ServiceError):
        household_merge(alice, keep=case.household, merge=case.household)


def test_duplicate_candidates_only_among_visible_people(alice, bob, case):
    from woonloket.clients.services import duplicate_candidates

    member = MemberIn("Celine", "Vandeputte", "self", date(1985, 7, 30))
    assert [p.first_name for p, _ in duplicate_candidates(alice, member)] == ["Céline"]
    assert duplicate_candidates(bob, member) == []


def test_a_case_led_by_another_organisation_shares_the_household_with_it(root, bob, org_a,
                                                                        org_b):
    from woonloket.clients.models import Household, Person

    household = household_register(root, HouseholdIn(
        municipality_nis="36008", tenure="homeless", organisation_id=org_a.pk,
        members=[MemberIn("Jan", "Peeters", "self")]))
    assert not Household.objects.visible_to(bob).exists()
    services.case_open(root, household_id=household.pk, municipality_nis="36008",
                       themes=["energie"], source="loket", lead_organisation_id=org_b.pk)
    bob = type(bob).objects.get(pk=bob.pk)
    assert list(Household.objects.visible_to(bob)) == [household]
    assert Person.objects.visible_to(bob).get().first_name == "Jan"
