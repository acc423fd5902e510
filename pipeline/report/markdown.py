"""The consultant's Markdown (Commentary sheet, NOTES.md) as safe HTML for the report.

markdown-it-py with raw HTML off: a `<script>` prints as text. Links print as their text followed
by the address in brackets, never as an `<a href>`; images are never loaded (their alt text and
address print instead); headings become small run-in headings that stay out of the bookmarks.
"""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt
from markupsafe import Markup, escape


@cache
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    rules = md.add_render_rule

    def link_open(self, tokens, idx, options, env):
        return ""

    def link_close(self, tokens, idx, options, env):
        # the address of the matching link_open, shown after the link text
        depth = 0
        for tok in reversed(tokens[:idx]):
            if tok.type == "link_close":
                depth += 1
            elif tok.type == "link_open":
                if depth == 0:
                    href = str(tok.attrGet("href") or "")
                    return f" ({escape(href)})" if href else ""
                depth -= 1
        return ""

    def image(self, tokens, idx, options, env):
        tok = tokens[idx]
        alt = "".join(t.content for t in tok.children or ())
        src = str(tok.attrGet("src") or "")
        return f"{escape(alt)} ({escape(src)})" if src else str(escape(alt))

    rules("link_open", link_open)
    rules("link_close", link_close)
    rules("image", image)
    return md


def render(text: str) -> Markup | None:
    """`text` (Markdown) as HTML, or None when it is blank."""
    if not text or not text.strip():
        return None
    md = _parser()
    tokens = md.parse(text)
    for tok in tokens:
        if tok.type in ("heading_open", "heading_close"):
            tok.tag = "h4"
            if tok.type == "heading_open":
                tok.attrSet("class", "md-h")
    html = md.renderer.render(tokens, md.options, {})
    return Markup(html)  # noqa: S704 - markdown-it escaped every text; raw HTML is off
