"""Public pages: the centers list with its map, one center, and the nearest centers."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from bilim.geography.maps import ATTRIBUTION, project, shapes, view_box
from bilim.geography.models import District, Region

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


def centers_public(request: HttpRequest) -> HttpResponse:
    regions = list(Region.objects.order_by("code"))
    region = next((r for r in regions if r.code == request.GET.get("region")), None)
    districts = list(District.objects.filter(region=region).order_by("code")) if region else []
    district = next((d for d in districts if d.code == request.GET.get("district")), None)
    centers = list(public_center_list(region=region, district=district))
    return render(
        request,
        "centers/public_list.html",
        {
            "centers": centers,
            "regions": regions,
            "region": region,
            "districts": districts,
            "district": district,
            "map": _map(centers, region),
        },
    )


def center_public(request: HttpRequest, code: str) -> HttpResponse:
    try:
        center = public_center_get(code=code)
    except Center.DoesNotExist:
        raise Http404 from None
    return render(
        request,
        "centers/public_detail.html",
        {
            "center": center,
            "week": week_hours(center),
            "map": _map([center], center.district.region),
        },
    )


def centers_nearest_view(request: HttpRequest) -> HttpResponse:
    form = NearestForm(request.GET or None)
    nearest = []
    if form.is_valid() and (point := form.point()) is not None:
        nearest = centers_nearest(latitude=point[0], longitude=point[1])
    return render(request, "centers/public_nearest.html", {"form": form, "nearest": nearest})
