"""HTML to PDF with WeasyPrint, for every printed page (rosters, certificates).

Fonts are DejaVu (on the base image), which cover the Kyrgyz letters ң ө ү. Nothing is
fetched while rendering: images come embedded as data: URIs and any other address is
refused, so a template can never make the server call out, or call itself.
"""


def html_to_pdf(html: str) -> bytes:
    # Imported here: WeasyPrint is slow to import and only the printing views need it.
    from weasyprint import HTML  # type: ignore[import-untyped]
    from weasyprint.urls import URLFetcher  # type: ignore[import-untyped]

    fetcher = URLFetcher(allowed_protocols=["data"])
    return bytes(HTML(string=html, url_fetcher=fetcher).write_pdf())
