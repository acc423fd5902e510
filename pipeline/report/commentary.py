"""The consultant's texts and sign-off as the report shows them (Commentary sheet, NOTES.md)."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..model.inputs import Commentary, Project
from . import markdown
from .locales import Locale


@dataclass(frozen=True, kw_only=True)
class SignOff:
    prepared_by: str
    reviewed_by: str
    version: str
    date: str
    """Formatted for the report's language."""


@dataclass(frozen=True, kw_only=True)
class CommentaryView:
    executive: Markup | None
    next_steps: Markup | None
    transition: Markup | None
    disclaimer: Markup | None
    signoff: SignOff
    draft: bool
    """A draft: watermark on every page, "Draft" in the metadata and on the cover."""

    @property
    def has_plan(self) -> bool:
        return self.next_steps is not None or self.transition is not None


def build(commentary: Commentary, project: Project, loc: Locale, *, draft: bool) -> CommentaryView:
    return CommentaryView(
        executive=markdown.render(commentary.executive),
        next_steps=markdown.render(commentary.next_steps),
        transition=markdown.render(commentary.transition),
        disclaimer=markdown.render(commentary.disclaimer),
        signoff=SignOff(
            prepared_by=commentary.prepared_by or project.prepared_by,
            reviewed_by=commentary.reviewed_by,
            version=commentary.version,
            date=loc.date(commentary.signoff_date or project.report_date),
        ),
        draft=draft,
    )
