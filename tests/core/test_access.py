"""core.access: a user of organisation X never sees personal data of
organisation Y unless it is shared with X, for that section, today."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone

from tests.scoping.models import Folder, Note
from woonloket.core.access import acting_organisation, get_visible_or_404, user_can
from woonloket.core.errors import ServiceError
from woonloket.core.models import Membership, Share
from woonloket.core.roles import Perm, Role


@pytest.fixture
def folders(org_a, org_b):
    a = Folder.objects.create(owner=org_a, name="dossier A")
    b = Folder.objects.create(owner=org_b, name="dossier B")
    Note.objects.create(folder=a, text="notitie A")
    Note.objects.create(folder=b, text="notitie B")
    return a, b


def share(folder, org, by, section="dossier", days_valid=30, start_days_ago=0):
    today = timezone.localdate()
    return Share.objects.create(
        content_type=ContentType.objects.get_for_model(Folder), object_id=folder.pk,
        organisation=org, section=section, basis="toestemming cliënt",
        valid_from=today - timedelta(days=start_days_ago),
        valid_until=today + timedelta(days=days_valid), created_by=by,
    )


def names(qs):
    return sorted(str(x.name if hasattr(x, "name") else x.text) for x in qs)


def test_members_see_only_their_organisations_records(folders, alice, bob):
    assert names(Folder.objects.visible_to(alice)) == ["dossier A"]
    assert names(Folder.objects.visible_to(bob)) == ["dossier B"]
    assert names(Note.objects.visible_to(alice)) == ["notitie A"]


def test_a_share_opens_the_record_and_what_hangs_under_it(folders, alice, bob):
    share(folders[0], bob.memberships.get().organisation, alice)
    assert names(Folder.objects.visible_to(bob)) == ["dossier A", "dossier B"]
    assert names(Note.objects.visible_to(bob)) == ["notitie A", "notitie B"]


def test_a_share_counts_only_for_its_section(folders, alice, bob):
    share(folders[0], bob.memberships.get().organisation, alice, section="woning")
    assert names(Folder.objects.visible_to(bob)) == ["dossier B"]
    assert names(Folder.objects.visible_to(bob, section="woning")) == ["dossier A", "dossier B"]


def test_an_expired_share_shows_nothing_more(folders, alice, bob):
    share(folders[0], bob.memberships.get().organisation, alice, days_valid=-1, start_days_ago=30)
    assert names(Folder.objects.visible_to(bob)) == ["dossier B"]


def test_a_share_that_has_not_started_shows_nothing(folders, alice, bob):
    share(folders[0], bob.memberships.get().organisation, alice, start_days_ago=-2)
    assert names(Folder.objects.visible_to(bob)) == ["dossier B"]


def test_a_role_without_personal_data_sees_nothing(folders, make_user, org_a):
    volunteer = make_user("vera", Role.VOLUNTEER, org_a)
    assert not Folder.objects.visible_to(volunteer).exists()


def test_a_user_without_membership_or_anonymous_sees_nothing(folders, make_user):
    from django.contrib.auth.models import AnonymousUser

    assert not Folder.objects.visible_to(make_user("loner")).exists()
    assert not Folder.objects.visible_to(AnonymousUser()).exists()


def test_platform_administrators_see_everything(folders, root):
    assert names(Folder.objects.visible_to(root)) == ["dossier A", "dossier B"]


def test_an_invisible_record_is_a_404_like_a_missing_one(folders, alice):
    assert get_visible_or_404(Folder.objects, alice, pk=folders[0].pk) == folders[0]
    for pk in (folders[1].pk, 999999, "abc"):
        with pytest.raises(Http404):
            get_visible_or_404(Folder.objects, alice, pk=pk)


def test_inactive_organisations_grant_nothing(folders, alice, org_a):
    org_a.is_active = False
    org_a.save()
    alice = type(alice).objects.get(pk=alice.pk)
    assert not Folder.objects.visible_to(alice).exists()


def test_permissions_hold_in_the_organisation_of_the_membership(alice, carol, org_a, org_b):
    assert user_can(carol, Perm.VIEW_AUDIT_LOG, org_a.pk)
    assert not user_can(carol, Perm.VIEW_AUDIT_LOG, org_b.pk)
    assert not user_can(alice, Perm.VIEW_AUDIT_LOG)


def test_visibility_costs_one_query(folders, alice, django_assert_num_queries):
    list(Folder.objects.visible_to(alice))  # loads the memberships once
    with django_assert_num_queries(1):
        list(Note.objects.visible_to(alice).select_related("folder"))


class TestActingOrganisation:
    """Which organisation a write is for, when the caller may act for several."""

    def test_left_out_it_is_the_callers_own(self, alice, org_a):
        assert acting_organisation(alice, Perm.EDIT_PERSONAL_DATA, None, "x_id") == org_a.pk

    def test_given_it_must_be_one_of_the_callers(self, alice, org_b):
        with pytest.raises(PermissionDenied):
            acting_organisation(alice, Perm.EDIT_PERSONAL_DATA, org_b.pk, "x_id")

    def test_with_several_it_must_be_named(self, alice, org_a, org_b):
        Membership.objects.create(user=alice, organisation=org_b, role=Role.PARTNER)
        alice = type(alice).objects.get(pk=alice.pk)
        with pytest.raises(ServiceError) as exc:
            acting_organisation(alice, Perm.EDIT_PERSONAL_DATA, None, "lead_organisation_id")
        assert "lead_organisation_id" in exc.value.errors
        assert acting_organisation(alice, Perm.EDIT_PERSONAL_DATA, org_b.pk, "x") == org_b.pk

    def test_a_platform_admin_names_it(self, root, org_b):
        with pytest.raises(ServiceError):
            acting_organisation(root, Perm.EDIT_PERSONAL_DATA, None, "organisation_id")
        assert acting_organisation(root, Perm.EDIT_PERSONAL_DATA, org_b.pk, "x") == org_b.pk

    def test_an_unknown_organisation_is_a_field_error(self, root):
        with pytest.raises(ServiceError) as exc:
            acting_organisation(root, Perm.EDIT_PERSONAL_DATA, 999999, "organisation_id")
        assert exc.value.errors == {"organisation_id": "Onbekende organisatie."}
