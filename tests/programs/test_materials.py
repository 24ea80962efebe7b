"""Materials: files checked by content and size, videos and links, removal deletes the file."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from bilim.accounts.models import Role
from bilim.programs import files
from bilim.programs.errors import ProgramsError
from bilim.programs.models import ProgramMaterial
from bilim.programs.services import material_add, material_remove

from .conftest import office_upload, pdf_upload, png_upload

TITLES = {"ky": "Манас эпосу", "ru": "Эпос Манас", "en": "The Manas epic"}


@pytest.mark.parametrize(
    "upload",
    [
        lambda: pdf_upload(),
        lambda: png_upload(),
        lambda: png_upload("photo.PNG"),
        lambda: office_upload("lesson.docx", "word/document.xml"),
        lambda: office_upload("slides.pptx", "ppt/presentation.xml"),
    ],
)
def test_pdf_office_files_and_images_are_accepted(network, media, upload):
    material = material_add(program=network.own_program, kind="file", titles=TITLES, file=upload())
    assert Path(material.file.path).exists()
    # A random name: nothing of the uploader's file name is kept on disk.
    assert material.file.name is not None
    assert material.file.name.startswith("programs/materials/")


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        # A script renamed to .pdf: judged by content, not by name.
        (lambda: SimpleUploadedFile("notes.pdf", b"#!/bin/sh\nrm -rf /\n"), files.WRONG_TYPE),
        (lambda: SimpleUploadedFile("virus.exe", b"MZ\x90\x00"), files.WRONG_TYPE),
        # A real PDF under a Word name.
        (lambda: pdf_upload("lesson.docx"), files.WRONG_TYPE),
        # A zip that is not an Office document.
        (lambda: office_upload("slides.pptx", "other/thing.xml"), files.WRONG_TYPE),
        (lambda: SimpleUploadedFile("drawing.svg", b"<svg onload='alert(1)'/>"), files.WRONG_TYPE),
    ],
)
def test_files_of_other_kinds_are_refused(network, media, upload, message):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        material_add(program=network.own_program, kind="file", titles=TITLES, file=upload())
    assert str(message) in str(error.value)
    assert not ProgramMaterial.objects.exists()


def test_a_file_over_20_mb_is_refused(network, media, monkeypatch):
    from django.core.exceptions import ValidationError

    monkeypatch.setattr(files, "MAX_MATERIAL_BYTES", 10)
    with pytest.raises(ValidationError, match="20"):
        material_add(program=network.own_program, kind="file", titles=TITLES, file=pdf_upload())


def test_videos_and_links_need_an_address_and_come_in_order(network):
    program = network.own_program
    with pytest.raises(ProgramsError) as error:
        material_add(program=program, kind="video", titles=TITLES, url=" ")
    assert error.value.field == "url"
    first = material_add(
        program=program, kind="video", titles=TITLES, url="https://www.youtube.com/watch?v=manas1"
    )
    second = material_add(
        program=program, kind="link", titles=TITLES, url="https://manas.kg", language="ky"
    )
    assert [m.pk for m in program.materials.all()] == [first.pk, second.pk]
    assert second.position == first.position + 1


def test_removing_a_material_deletes_its_file(network, media, django_capture_on_commit_callbacks):
    material = material_add(
        program=network.own_program, kind="file", titles=TITLES, file=pdf_upload()
    )
    path = Path(material.file.path)
    with django_capture_on_commit_callbacks(execute=True):
        material_remove(material=material)
    assert not path.exists()
    assert not ProgramMaterial.objects.exists()


def _upload_page(client, network):
    client.force_login(network.users[Role.NATIONAL])
    return reverse("programs:staff-material-create", args=[network.own_program.code])


def test_the_upload_page_refuses_a_bad_file_and_keeps_the_titles(client, network, media):
    url = _upload_page(client, network)
    response = client.post(
        url,
        {
            "kind": "file",
            "title_ky": "Колдонмо",
            "title_ru": "Пособие",
            "file": SimpleUploadedFile("notes.pdf", b"not a pdf at all"),
        },
        HTTP_ACCEPT_LANGUAGE="ru",
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "error-summary" in html
    assert 'value="Колдонмо"' in html and 'value="Пособие"' in html
    assert not ProgramMaterial.objects.exists()


def test_the_upload_page_asks_for_the_file_or_the_address(client, network, media):
    url = _upload_page(client, network)
    response = client.post(url, {"kind": "file", "title_ky": "Колдонмо"})
    assert "file" in response.context["form"].errors
    response = client.post(url, {"kind": "video", "title_ky": "Манас"})
    assert "url" in response.context["form"].errors


def test_the_upload_page_adds_a_video_and_the_program_page_links_it(client, network):
    url = _upload_page(client, network)
    response = client.post(
        url,
        {"kind": "video", "title_ky": "Манас, 1-бөлүк", "url": "youtube.com/watch?v=manas1"},
    )
    detail = reverse("programs:staff-program-detail", args=[network.own_program.code])
    assert response.status_code == 302 and response["Location"] == detail
    html = client.get(detail).content.decode()
    assert 'href="https://youtube.com/watch?v=manas1"' in html
    assert "Манас, 1-бөлүк" in html


def test_the_remove_page_asks_then_removes(client, network):
    material = material_add(
        program=network.own_program, kind="link", titles=TITLES, url="https://manas.kg"
    )
    client.force_login(network.users[Role.NATIONAL])
    url = reverse("programs:staff-material-delete", args=[network.own_program.code, material.pk])
    assert client.get(url).status_code == 200
    assert ProgramMaterial.objects.exists()
    client.post(url)
    assert not ProgramMaterial.objects.exists()


def test_a_material_of_another_program_is_not_found(client, network):
    material = material_add(
        program=network.foreign_program, kind="link", titles=TITLES, url="https://manas.kg"
    )
    client.force_login(network.users[Role.NATIONAL])
    url = reverse("programs:staff-material-delete", args=[network.own_program.code, material.pk])
    assert client.post(url).status_code == 404
    assert ProgramMaterial.objects.exists()
