"""`{% partner_offerings partner %}`: the offerings a partner proposed, for the programs
pages (programs sit below scheduling and cannot call its selectors)."""

from typing import Any

from django import template

from bilim.partners.models import Partner

from ..proposals import partner_offering_list

register = template.Library()


@register.inclusion_tag("scheduling/proposals/offering_table.html")
def partner_offerings(partner: Partner) -> dict[str, Any]:
    return {"offerings": partner_offering_list(partner=partner)[:20]}
