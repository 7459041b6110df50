"""The permission matrix: every role × every permission, written out here
independently of roles.py so that a change to either shows up."""

import pytest

from woonloket.core.roles import Perm, Role, role_has, role_needs_second_factor

Y = True
_ = False
#                              pers  edit  audit org  regio rapp pool  bed  tech  immo  uith
MATRIX = {
    Role.WOONBEGELEIDER:      (Y,    Y,    _,    _,   _,    _,   _,    Y,   _,    Y,    _),
    Role.COORDINATOR:         (Y,    Y,    Y,    _,   _,    Y,   Y,    Y,   _,    Y,    Y),
    Role.PARTNER:             (Y,    Y,    _,    _,   _,    _,   _,    _,   _,    _,    _),
    Role.CALLTAKER:           (Y,    _,    _,    _,   _,    _,   _,    Y,   _,    _,    _),
    Role.TECHNICIAN:          (Y,    _,    _,    _,   _,    _,   _,    _,   Y,    _,    _),
    Role.VOLUNTEER:           (_,    _,    _,    _,   _,    _,   _,    _,   _,    Y,    _),
    Role.ADMIN:               (_,    _,    Y,    Y,   Y,    Y,   _,    _,   _,    _,    _),
}
COLUMNS = [
    Perm.VIEW_PERSONAL_DATA, Perm.EDIT_PERSONAL_DATA, Perm.VIEW_AUDIT_LOG,
    Perm.MANAGE_ORGANISATION, Perm.MANAGE_REGIONS, Perm.VIEW_REPORTS, Perm.MANAGE_HOUSING_POOL,
    Perm.BOOK_CRISIS_BED, Perm.TECHNICAL_VISITS, Perm.MANAGE_LISTINGS, Perm.MANAGE_OUTREACH,
]


def test_the_matrix_covers_every_role_and_permission():
    assert set(MATRIX) == set(Role)
    assert set(COLUMNS) == set(Perm)


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("perm", COLUMNS)
def test_role_grants_exactly_its_permissions(role, perm):
    assert role_has(role, perm) is MATRIX[role][COLUMNS.index(perm)]


@pytest.mark.parametrize("role", list(Role))
def test_every_role_but_the_volunteer_needs_a_second_factor(role):
    assert role_needs_second_factor(role) is (role != Role.VOLUNTEER)
