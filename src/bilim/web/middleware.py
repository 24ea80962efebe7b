from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest


class RejectNullCharactersMiddleware:
    """Answer 400 to a request whose query or form carries a NUL character.

    PostgreSQL cannot store or compare text with NUL, so such a value would reach
    a query and fail there as a server error; no real form ever sends one.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        queries = [request.GET, request.POST] if request.method == "POST" else [request.GET]
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in v for v in values)
            for query in queries
            for key, values in query.lists()
        ):
            return HttpResponseBadRequest("Null characters are not allowed.")
        return self.get_response(request)
