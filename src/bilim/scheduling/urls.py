from django.urls import path

from .views import calendars, feeds, proposals, staff

app_name = "scheduling"

urlpatterns = [
    # Under staff/programs/ but included before the programs app's <slug> pages.
    path("staff/programs/proposals/", proposals.proposal_list_view, name="staff-proposal-list"),
    path(
        "staff/programs/offerings/propose/",
        proposals.offering_propose_view,
        name="staff-offering-propose",
    ),
    path(
        "staff/programs/offerings/<int:pk>/",
        proposals.offering_decide,
        name="staff-offering-decide",
    ),
    path("staff/schedule/", staff.offering_list_view, name="staff-offering-list"),
    path("staff/schedule/offerings/new/", staff.offering_create_view, name="staff-offering-create"),
    path("staff/schedule/offerings/<int:pk>/", staff.offering_detail, name="staff-offering-detail"),
    path(
        "staff/schedule/offerings/<int:pk>/sessions/",
        staff.offering_series,
        name="staff-offering-series",
    ),
    path(
        "staff/schedule/offerings/<int:pk>/cancel/",
        staff.offering_cancel_view,
        name="staff-offering-cancel",
    ),
    path("staff/schedule/sessions/<int:pk>/", staff.session_edit, name="staff-session-edit"),
    path(
        "staff/schedule/sessions/<int:pk>/cancel/",
        staff.session_cancel_view,
        name="staff-session-cancel",
    ),
    path(
        "staff/schedule/centers/<slug:code>/",
        calendars.center_calendar,
        name="staff-center-calendar",
    ),
    path(
        "staff/schedule/regions/<int:pk>/",
        calendars.region_calendar,
        name="staff-region-calendar",
    ),
    path("staff/schedule/mine/", calendars.my_calendar, name="staff-my-calendar"),
    path(
        "staff/schedule/mine/feed-address/",
        calendars.my_feed_regenerate,
        name="staff-my-feed-regenerate",
    ),
    path(
        "staff/schedule/facilitators/<int:pk>/",
        calendars.facilitator_calendar,
        name="staff-facilitator-calendar",
    ),
    path("calendar/centers/<slug:code>.ics", feeds.center_feed, name="feed-center"),
    path("calendar/offerings/<int:pk>.ics", feeds.offering_feed, name="feed-offering"),
    path("calendar/mine/<str:token>.ics", feeds.facilitator_feed, name="feed-facilitator"),
]
