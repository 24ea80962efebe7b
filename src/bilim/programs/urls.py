from django.urls import path

from .views import staff

app_name = "programs"

# Literal segments (new, propose, audiences) come before <slug>; the proposals pages
# (scheduling) are included before these;
# program_code_for and the staff form never hand out those words as codes.
urlpatterns = [
    path("staff/programs/", staff.program_list_view, name="staff-program-list"),
    path("staff/programs/new/", staff.program_create_view, name="staff-program-create"),
    path("staff/programs/propose/", staff.program_propose_view, name="staff-program-propose"),
    path("staff/programs/audiences/", staff.audience_list_view, name="staff-audience-list"),
    path("staff/programs/<slug:code>/", staff.program_detail, name="staff-program-detail"),
    path("staff/programs/<slug:code>/edit/", staff.program_edit, name="staff-program-edit"),
    path(
        "staff/programs/<slug:code>/revise/",
        staff.program_propose_view,
        name="staff-program-revise",
    ),
    path("staff/programs/<slug:code>/status/", staff.program_status, name="staff-program-status"),
    path("staff/programs/<slug:code>/decide/", staff.program_decide, name="staff-program-decide"),
    path(
        "staff/programs/<slug:code>/materials/new/",
        staff.material_create,
        name="staff-material-create",
    ),
    path(
        "staff/programs/<slug:code>/materials/<int:pk>/remove/",
        staff.material_delete,
        name="staff-material-delete",
    ),
]
