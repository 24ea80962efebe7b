"""The guides' text format: paragraphs, numbered steps and bullet lists in plain text.

Editors type no markup. The parser only decides where a step or a paragraph starts;
the templates print every piece through Django's autoescaping (and `urlize` for web
addresses), so no HTML an editor types can reach a page.
"""

import re
from dataclasses import dataclass, field
from typing import Literal

STEP = re.compile(r"^\s*(\d{1,3})[.)]\s+(.*)$")
BULLET = re.compile(r"^\s*[-*•–]\s+(.*)$")

Kind = Literal["paragraph", "steps", "list"]


@dataclass
class Block:
    """A paragraph (its lines), numbered steps or a bullet list (its items)."""

    kind: Kind
    items: list[str] = field(default_factory=list)
    start: int = 1

    @property
    def text(self) -> str:
        return "\n".join(self.items)


def blocks(text: str) -> list[Block]:
    """Split a guide's text into paragraphs, numbered steps and bullet lists.

    A line that starts with «1.» or «1)» is a step, one that starts with «-» or «•» a list
    item; a blank line ends a block; a plain line under a step or an item continues it
    (a long step typed on two lines).
    """
    result: list[Block] = []
    current: Block | None = None
    for raw in (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip()
        if not line:
            current = None
            continue
        step, bullet = STEP.match(line), BULLET.match(line)
        if step:
            if current is None or current.kind != "steps":
                current = Block("steps", start=int(step.group(1)))
                result.append(current)
            current.items.append(step.group(2).strip())
        elif bullet:
            if current is None or current.kind != "list":
                current = Block("list")
                result.append(current)
            current.items.append(bullet.group(1).strip())
        elif current is not None and current.kind != "paragraph":
            current.items[-1] = f"{current.items[-1]} {line}"
        else:
            if current is None:
                current = Block("paragraph")
                result.append(current)
            current.items.append(line)
    return result


def lines(text: str) -> list[str]:
    """Return the non-empty lines of a list typed one item a line, without bullets."""
    result = []
    for raw in (text or "").splitlines():
        bullet = BULLET.match(raw)
        line = (bullet.group(1) if bullet else raw).strip()
        if line:
            result.append(line)
    return result
