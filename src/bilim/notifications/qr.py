"""QR codes of links: PNG for e-mail attachments and downloads, SVG for pages and PDFs.

Always a full QR code (`segno.make_qr`): `segno.make` may choose a Micro QR, which phone
cameras do not read.
"""

import io

import segno
from django.utils.html import escape

# Medium error correction survives a scratched phone screen or a crumpled printout.
ERROR = "m"


def qr_png(text: str, *, scale: int = 10) -> bytes:
    """Return a PNG of the QR code of `text` with the quiet zone readers need."""
    buffer = io.BytesIO()
    segno.make_qr(text, error=ERROR).save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()


def qr_svg(text: str, *, label: str) -> str:
    """Return an inline SVG element of the QR code, sized by CSS, named for screen readers.

    The light modules are painted white: a transparent code on a dark-mode page cannot be
    scanned.
    """
    buffer = io.BytesIO()
    segno.make_qr(text, error=ERROR).save(
        buffer,
        kind="svg",
        xmldecl=False,
        svgns=True,
        svgclass="qr-code",
        lineclass=None,
        omitsize=True,
        light="#fff",
        border=4,
    )
    svg = buffer.getvalue().decode()
    return svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1)


def qr_svg_data_uri(text: str) -> str:
    """Return the QR code of `text` as an SVG data: URI, for a PDF that fetches nothing.

    No quiet zone: the printed page around it is white.
    """
    return str(segno.make_qr(text, error=ERROR).svg_data_uri(dark="#1b1f24", border=0))
