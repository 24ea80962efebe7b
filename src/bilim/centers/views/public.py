"""Public pages: the centers list with its map, one center, and the nearest centers."""

from decimal import Decimal

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from bilim.geography.maps import ATTRIBUTION, project, shapes, view_box, zoom_to
from bilim.geography.models import District, Region
from bilim.web.fragments import cached_part

from ..forms import NearestForm
from ..models import Center
from ..selectors import centers_nearest, public_center_get, public_center_list, week_hours


def _map(centers: list[Center], highlight_region: Region | None = None) -> dict[str, object]:
    region_code = highlight_region.code if highlight_region else None
    box = view_box(region_code)
    return {
        "view_box": box,
        # Dots keep the same size on screen whatever the zoom.
        "dot_radius": f"{float(box.split()[2]) / 130:.1f}",
        "regions": shapes(1),
        "districts": shapes(2),
        "highlight": region_code,
        # Coordinates as plain strings: a localized float ("12,5") would break the SVG.
        "dots": [
            (c, *(f"{v:g}" for v in project(float(c.longitude), float(c.latitude))))
            for c in centers
        ],
        "attribution": ATTRIBUTION,
    }


def _plain(number: Decimal) -> str:
    """A coordinate as links and SVG need it: a dot, never a localized comma; no trailing 0."""
    return f"{number.normalize():f}"


def _center_map(center: Center) -> dict[str, object]:
    """The center within its district, with a pin big enough to see on a phone."""
    x, y = project(float(center.longitude), float(center.latitude))
    zoom = zoom_to(
        (x, y), district_code=center.district.code, region_code=center.district.region.code
    )
    lat, lon = _plain(center.latitude), _plain(center.longitude)
    return {
        "view_box": zoom.view_box,
        "regions": zoom.regions,
        "districts": zoom.districts,
        "highlight": zoom.highlight,
        # The pin is drawn 40 units tall: about an eighth of the map's width, 40 px on a phone.
        "pin": {"x": f"{x:g}", "y": f"{y:g}", "scale": f"{zoom.width / 330:.3f}"},
        "center": center,
        "geo_uri": f"geo:{lat},{lon}?q={lat},{lon}",
        "osm_url": f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}",
        "attribution": ATTRIBUTION,
    }


def _list_body(request: HttpRequest, region_code: str, district_code: str) -> str:
    regions = list(Region.objects.order_by("code"))
    region = next((r for r in regions if r.code == region_code), None)
    districts = list(District.objects.filter(region=region).order_by("code")) if region else []
    district = next((d for d in districts if d.code == district_code), None)
    centers = list(public_center_list(region=region, district=district))
    return render_to_string(
        "centers/includes/public_list_body.html",
        {
            "centers": centers,
            "regions": regions,
            "region": region,
            "districts": districts,
            "district": district,
            "map": _map(centers, region),
        },
        request,
    )


def centers_public(request: HttpRequest) -> HttpResponse:
    # Only codes that exist make a key: anything else is the same as no filter.
    region_code = request.GET.get("region", "")[:20]
    district_code = request.GET.get("district", "")[:20]
    body = cached_part(
        f"centers:list:{region_code}:{district_code}",
        lambda: _list_body(request, region_code, district_code),
    )
    return render(request, "centers/public_list.html", {"body": mark_safe(body)})  # noqa: S308 - our own template output


def _detail_part(request: HttpRequest, code: str) -> dict[str, str] | None:
    try:
        center = public_center_get(code=code)
    except Center.DoesNotExist:
        return None
    context = {
        "center": center,
        "week": week_hours(center),
        "map": _center_map(center),
    }
    body = render_to_string("centers/includes/public_detail_body.html", context, request)
    return {"title": center.name, "body": body}


def center_public(request: HttpRequest, code: str) -> HttpResponse:
    part = cached_part(f"centers:page:{code[:40]}", lambda: _detail_part(request, code))
    if part is None:
        raise Http404
    return render(
        request,
        "centers/public_detail.html",
        {"title": part["title"], "body": mark_safe(part["body"])},  # noqa: S308 - our own template output
    )


def centers_nearest_view(request: HttpRequest) -> HttpResponse:
    form = NearestForm(request.GET or None)
    nearest = []
    if form.is_valid() and (point := form.point()) is not None:
        nearest = centers_nearest(latitude=point[0], longitude=point[1])
    return render(request, "centers/public_nearest.html", {"form": form, "nearest": nearest})
