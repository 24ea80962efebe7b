"""The national office adds staff from the command line: the admin no longer writes users."""

import pytest
from django.core.management import CommandError, call_command

from bilim.accounts.models import Role, User


def test_a_new_national_administrator_is_staff_has_no_password_yet_and_is_no_superuser(db):
    call_command("add_staff_user", "aida", "national", "--email", "aida@example.kg")
    user = User.objects.get(username="aida")
    assert user.role_assignments.get().role == Role.NATIONAL
    assert user.is_staff
    assert not user.is_superuser
    assert not user.has_usable_password()


def test_a_center_manager_gets_the_center_named_by_its_code(network):
    call_command("add_staff_user", "bakyt", "center", "--center", network.center_b1.code)
    assignment = User.objects.get(username="bakyt").role_assignments.get()
    assert (assignment.role, assignment.center) == (Role.CENTER, network.center_b1)
    assert not assignment.user.is_staff


def test_a_role_without_the_scope_it_needs_is_refused_and_creates_nobody(network):
    with pytest.raises(CommandError, match="--center for center"):
        call_command("add_staff_user", "chyngyz", "center")
    with pytest.raises(CommandError, match="No center"):
        call_command("add_staff_user", "chyngyz", "center", "--center", "nowhere")
    assert not User.objects.filter(username="chyngyz").exists()
