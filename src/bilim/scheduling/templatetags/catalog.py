from django import template

from bilim.centers.models import Center

from ..catalog import center_offering_list

register = template.Library()


@register.inclusion_tag("catalog/public/includes/center_offerings.html")
def center_offerings(center: Center) -> dict[str, object]:
    """The coming offerings at a center, for its public page (centers never import programs)."""
    return {"center": center, "center_offerings": center_offering_list(center=center)}
