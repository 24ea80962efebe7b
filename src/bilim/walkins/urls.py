from django.urls import path

from .views import public, staff

app_name = "walkins"

urlpatterns = [
    path("staff/queue/", staff.queue_console, name="staff-queue"),
    path("staff/queue/take/", staff.ticket_take_view, name="staff-ticket-take"),
    path("staff/queue/call/", staff.ticket_call_view, name="staff-ticket-call"),
    path("staff/queue/tickets/<int:pk>/slip/", staff.ticket_slip, name="staff-ticket-slip"),
    path(
        "staff/queue/tickets/<int:pk>/finish/", staff.ticket_finish_view, name="staff-ticket-finish"
    ),
    path(
        "staff/queue/tickets/<int:pk>/recall/", staff.ticket_recall_view, name="staff-ticket-recall"
    ),
    path(
        "staff/queue/tickets/<int:pk>/cancel/", staff.ticket_cancel_view, name="staff-ticket-cancel"
    ),
    # Under the center's public address, as the center page itself is (centers/<code>/).
    path("centers/<slug:code>/queue/screen/", public.hall_screen, name="hall-screen"),
    # Short, for the slip: the citizen types or scans it.
    path("q/<str:code>/", public.ticket_public, name="ticket-public"),
]
