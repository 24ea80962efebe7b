"""The API documentation page works without the internet: Swagger UI comes from our static files."""

import re
from urllib.parse import urlsplit

import pytest

ASSET = re.compile(r'(?:src|href)="([^"]+)"')


@pytest.fixture
def docs_html(client, db):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    return response.content.decode()


def test_the_docs_page_names_no_other_host(docs_html):
    assets = ASSET.findall(docs_html)
    assert assets, "the docs page loads no script or stylesheet"
    assert [url for url in assets if urlsplit(url).netloc or url.startswith("//")] == []


def test_the_docs_page_scripts_and_styles_are_served_by_the_site(client, docs_html):
    assets = [url for url in ASSET.findall(docs_html) if url.endswith((".js", ".css"))]
    assert {url.rsplit(".", 1)[1] for url in assets} == {"js", "css"}
    for url in assets:
        response = client.get(url)
        assert response.status_code == 200, url
        assert b"".join(response.streaming_content) if response.streaming else response.content
