from django.urls import path

from .views import applications, public, staff

app_name = "partners"

# Literal segments (apply, new, applications) come before <slug>; partner_slug_for and
# the staff form never hand out those words as short codes.
urlpatterns = [
    path("partners/", public.partners_public, name="public-list"),
    path("partners/apply/", public.partner_apply, name="apply"),
    path("partners/apply/thanks/", public.partner_apply_thanks, name="apply-thanks"),
    path("partners/<slug:slug>/", public.partner_public, name="public-detail"),
    path("staff/partners/", staff.partner_list_view, name="staff-partner-list"),
    path("staff/partners/new/", staff.partner_create, name="staff-partner-create"),
    path(
        "staff/partners/applications/",
        applications.application_list_view,
        name="staff-application-list",
    ),
    path(
        "staff/partners/applications/<int:pk>/",
        applications.application_detail,
        name="staff-application-detail",
    ),
    path("staff/partners/<slug:slug>/", staff.partner_detail, name="staff-partner-detail"),
    path("staff/partners/<slug:slug>/edit/", staff.partner_edit, name="staff-partner-edit"),
    path(
        "staff/partners/<slug:slug>/agreements/new/",
        staff.agreement_edit,
        name="staff-agreement-create",
    ),
    path(
        "staff/partners/<slug:slug>/agreements/<int:pk>/",
        staff.agreement_edit,
        name="staff-agreement-edit",
    ),
    path(
        "staff/partners/<slug:slug>/agreements/<int:pk>/file/",
        staff.agreement_file,
        name="staff-agreement-file",
    ),
    path(
        "staff/partners/<slug:slug>/contributions/new/",
        staff.contribution_edit,
        name="staff-contribution-create",
    ),
    path(
        "staff/partners/<slug:slug>/contributions/<int:pk>/",
        staff.contribution_edit,
        name="staff-contribution-edit",
    ),
]
