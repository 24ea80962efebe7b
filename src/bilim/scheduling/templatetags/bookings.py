"""`{% community_space center %}`: a center's open events and the link to ask for a room.

For the public center page: the centers app sits below scheduling and cannot call its
selectors, so the page asks through this tag.
"""

from typing import Any

from django import template

from bilim.centers.models import Center

from ..booking_selectors import open_events

register = template.Library()


@register.inclusion_tag("scheduling/bookings/includes/open_events.html")
def community_space(center: Center) -> dict[str, Any]:
    return {
        "center": center,
        "open_events": list(open_events(center=center)),
        # The public center page prefetches its rooms: no query here.
        "lends_rooms": bool(center.rooms.all()),
    }
