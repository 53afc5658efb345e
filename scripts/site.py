"""Renders the course's executed notebooks as a static web site that needs no kernel to read.

    site.py --out DIR NOTEBOOK...

Each notebook becomes DIR/<name>.html (nbconvert's HTML exporter, with its saved outputs: text, errors and
SVG pictures), with links to the previous and next notebook and to DIR/index.html, which lists the notebooks
in the order given, each with its title (its first heading) and a one-line description (the start of its first
paragraph, or metadata.go4j.description when the notebook sets one). Links between notebooks (x.ipynb) point
to their pages. Exit status: 0 done, 1 a notebook could not be read or rendered, 2 bad arguments.
"""
import argparse
import html
import os
import re
import sys

import jinja2
import nbformat
from nbconvert import HTMLExporter

SITE_TITLE = "go4j: Go's concurrency, live in Java"
DESCRIPTION_LENGTH = 85  # sentences are added to a description until it is at least this long

INDEX_STYLE = """
body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; max-width: 50rem; margin: 2rem auto;
       padding: 0 1rem; line-height: 1.5; color: #222; }
h1 { margin-bottom: 0.2rem; }
ol.course { padding-left: 0; list-style: none; }
ol.course li { margin: 1rem 0; }
ol.course .number { display: inline-block; width: 2.2rem; color: #888; }
ol.course a { font-size: 1.15rem; font-weight: 600; }
ol.course p { margin: 0.1rem 0 0 2.2rem; }
code { background: #f3f3f3; padding: 0 0.2rem; border-radius: 3px; }
footer { margin-top: 2rem; color: #666; font-size: 0.9rem; }
"""

# nbconvert's lab page, except that SVG pictures go in as they are: its clean_html filter would strip every
# element of an SVG (lines, rects, text), leaving an empty picture. The course's pictures come from its own
# notebooks, drawn by go4j.
PAGE_TEMPLATE = """{%- extends 'index.html.j2' -%}
{% block data_svg scoped -%}
<div class="jp-RenderedSVG jp-OutputArea-output {{ extra_class }}" data-mime-type="image/svg+xml">
{{ output.data['image/svg+xml'] }}
</div>
{%- endblock data_svg %}
"""

NAV_STYLE = """
<style>
nav.go4j-nav { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; font-size: 0.95rem;
               padding: 0.5rem 1rem; border-bottom: 1px solid #ddd; background: #fafafa;
               display: flex; gap: 1.5rem; }
nav.go4j-nav .next { margin-left: auto; }
</style>
"""


def inline_markdown(text):
    """A line of markdown as HTML: code, bold and italic kept, links reduced to their text, the rest escaped."""
    out = []
    for i, part in enumerate(re.split(r"`([^`]*)`", text)):
        if i % 2:
            out.append("<code>" + html.escape(part) + "</code>")
            continue
        part = html.escape(part, quote=False)
        part = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", part)
        part = re.sub(r"\*\*([^*]+)\*\*", r"<strong>\1</strong>", part)
        part = re.sub(r"\*([^*]+)\*", r"<em>\1</em>", part)
        out.append(part)
    return "".join(out)


def plain(markdown_html):
    """Text without tags, for a page's <title>."""
    return html.unescape(re.sub(r"<[^>]+>", "", markdown_html))


def title_of(nb, path):
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for line in cell.source.splitlines():
            if line.startswith("#"):
                return inline_markdown(line.lstrip("#").strip())
    raise ValueError(f"{path}: no heading in any markdown cell, so the notebook has no title")


def description_of(nb):
    """metadata.go4j.description, or the first sentences of the first paragraph after the title."""
    given = nb.metadata.get("go4j", {}).get("description")
    if given:
        return inline_markdown(given)
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for paragraph in re.split(r"\n\s*\n", cell.source):
            paragraph = paragraph.strip()
            if not paragraph or paragraph.startswith(("#", "|", "-", "*", ">", "```", "<")):
                continue
            text = " ".join(paragraph.split())
            description = ""
            for sentence in re.split(r"(?<=[.!?])\s+", text):
                description = (description + " " + sentence).strip()
                if len(description) >= DESCRIPTION_LENGTH:
                    break
            return inline_markdown(description)
    return ""


def page_name(path):
    return os.path.splitext(os.path.basename(path))[0] + ".html"


def nav(pages, i):
    def link(j, label, cls):
        return f'<a class="{cls}" href="{pages[j]["page"]}">{label}</a>' if 0 <= j < len(pages) else ""
    return (NAV_STYLE + '<nav class="go4j-nav">'
            + '<a class="index" href="index.html">go4j course: all notebooks</a>'
            + link(i - 1, "&larr; " + pages[i - 1]["title"] if i > 0 else "", "previous")
            + link(i + 1, pages[i + 1]["title"] + " &rarr;" if i + 1 < len(pages) else "", "next")
            + "</nav>")


def with_nav(body, navigation):
    match = re.search(r"<body[^>]*>", body)
    if not match:
        raise ValueError("nbconvert's page has no <body>")
    return body[:match.end()] + "\n" + navigation + body[match.end():]


def notebook_links_to_pages(body):
    """href="x.ipynb" (and "x.ipynb#part") to x.html: notebooks link to each other by file name."""
    return re.sub(r'href="(?![a-z]+:|/)([^"#]*?)\.ipynb(#[^"]*)?"', lambda m: f'href="{m.group(1)}.html{m.group(2) or ""}"', body)


def index_page(pages):
    items = "\n".join(
        f'<li><span class="number">{p["number"]}</span><a href="{p["page"]}">{p["title"]}</a>'
        + (f"<p>{p['description']}</p>" if p["description"] else "") + "</li>"
        for p in pages)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(SITE_TITLE)}</title>
<style>{INDEX_STYLE}</style>
</head>
<body>
<h1>{html.escape(SITE_TITLE)}</h1>
<p>A hands-on course in Go-style concurrency (goroutines, channels, <code>select</code>), in Java. These pages
show each notebook as it was last run, outputs and pictures included. To run and change the code yourself,
start the course with <code>./go4j start</code> from the repository, or open it on Binder.</p>
<ol class="course">
{items}
</ol>
<footer>{len(pages)} notebooks. Made with <code>./go4j site</code>.</footer>
</body>
</html>
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, help="the folder for the site (made if missing)")
    parser.add_argument("notebooks", nargs="+", help="the notebooks, in course order")
    args = parser.parse_args()

    pages, notebooks = [], []
    for path in args.notebooks:
        try:
            nb = nbformat.read(path, as_version=4)
            number = os.path.basename(path).split("-", 1)[0]
            pages.append({"page": page_name(path), "title": title_of(nb, path), "description": description_of(nb),
                          "number": number if number.isdigit() else ""})
            notebooks.append((path, nb))
        except Exception as e:  # a broken notebook is named, not rendered half
            print(f"go4j site: cannot read {path}: {e}", file=sys.stderr)
            return 1
    if len({p["page"] for p in pages}) != len(pages):
        print("go4j site: two notebooks have the same name", file=sys.stderr)
        return 2

    os.makedirs(args.out, exist_ok=True)
    exporter = HTMLExporter(template_name="lab", template_file="go4j-page.html.j2",
                            extra_loaders=[jinja2.DictLoader({"go4j-page.html.j2": PAGE_TEMPLATE})])
    for i, (path, nb) in enumerate(notebooks):
        try:
            body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": plain(pages[i]["title"])}})
        except Exception as e:
            print(f"go4j site: cannot render {path}: {e}", file=sys.stderr)
            return 1
        body = with_nav(notebook_links_to_pages(body), nav(pages, i))
        with open(os.path.join(args.out, pages[i]["page"]), "w", encoding="utf-8") as f:
            f.write(body)
    with open(os.path.join(args.out, "index.html"), "w", encoding="utf-8") as f:
        f.write(index_page(pages))
    return 0


if __name__ == "__main__":
    sys.exit(main())
