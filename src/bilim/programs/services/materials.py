"""Materials that go with a program: files, videos and links."""

from django.core.files import File
from django.db import transaction
from django.db.models import Max

from bilim.partners.services.partners import set_translated

from ..errors import ADDRESS_NEEDED, FILE_NEEDED, ProgramsError
from ..models import Program, ProgramMaterial

Kind = ProgramMaterial.Kind


@transaction.atomic
def material_add(
    *,
    program: Program,
    kind: str,
    titles: dict[str, str],
    file: File[bytes] | None = None,
    url: str = "",
    language: str = "",
) -> ProgramMaterial:
    """Add a material at the end of the program's list; a file, or the address of a video or page.

    The file is checked by its content (PDF, DOCX, PPTX, image) and its size (20 MB).
    """
    if kind == Kind.FILE and file is None:
        raise ProgramsError(FILE_NEEDED, field="file")
    if kind != Kind.FILE and not url.strip():
        raise ProgramsError(ADDRESS_NEEDED, field="url")
    # The program's row orders concurrent additions, so positions never repeat.
    Program.objects.select_for_update().filter(pk=program.pk).first()
    last = program.materials.aggregate(last=Max("position"))["last"]
    material = ProgramMaterial(
        program=program,
        kind=kind,
        url=url.strip() if kind != Kind.FILE else "",
        language=language,
        position=0 if last is None else last + 1,
    )
    set_translated(material, "title", titles)
    if kind == Kind.FILE:
        material.file = file
    material.full_clean()
    material.save()
    return material


@transaction.atomic
def material_remove(*, material: ProgramMaterial) -> None:
    """Remove a material; its file is deleted once the removal is committed."""
    name = material.file.name or ""
    storage = material.file.storage
    material.delete()
    if name:
        transaction.on_commit(lambda: storage.delete(name))
