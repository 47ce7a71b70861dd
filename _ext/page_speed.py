"""Make a chapter page light enough for a phone on a slow link.

The theme draws its icons twice over: ``fontawesome.js`` (1.5 MB, 0.5 MB gzip)
replaces each icon tag by an SVG, and its stylesheet draws the same icons from
three Font Awesome fonts (0.3 MB, with every one of ~2,000 icons). This
extension, with ``templates/static/webpack-macros.html``:

* leaves the script out (the stylesheet alone draws every icon);
* after the HTML build, cuts the three fonts down to the glyphs the site can
  show: the icon classes found in its pages and the theme's scripts, and every
  icon the theme's stylesheet uses outside its per-class rules (admonitions,
  external links, breadcrumbs...) or any other rule. The fonts shrink to a few
  kilobytes.

It also trims what each page loads (``html-page-context``):

* scripts and styles a page does not use are left out: the copy button (no code
  on the page), sphinx-design (no design elements), the notebook styles (no
  notebook cells), the toggle button (nothing to toggle), and the search index
  outside the search page (the search box sends readers there);
* sphinx-thebe is left out everywhere: this book offers Binder, not live code in
  the page, and thebe would load its code from a CDN;
* an inline script that an extension registered twice is written once;
* (``templates/layout.html``) Sphinx's search scripts and index load only on the
  search page;
* the remaining scripts are deferred, so none blocks the first paint (except
  ``documentation_options.js``, which a theme line in the head uses at once).

Images: every plot after a page's first loads lazily (when scrolled near), and
after the build the notebooks' PNG figures are re-saved with a 256-colour palette,
about a third of the size with no visible change for line plots.

``scripts/benchmark.sh`` reports the page weight and Lighthouse scores.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont
from sphinx.util import logging

logger = logging.getLogger(__name__)
FONT_DIR = "_static/vendor/fontawesome/webfonts"
FONTS = ("fa-solid-900.woff2", "fa-regular-400.woff2", "fa-brands-400.woff2")
THEME_CSS = "_static/styles/pydata-sphinx-theme.css"
CLASS_RULE = re.compile(r'((?:\.fa-[a-z0-9-]+:before,?)+)\{content:"\\(f[0-9a-f]{3,4})"\}')
# An icon named outside the per-class rules: an escape (\f0f3) or the character itself.
OTHER_ICON = re.compile(r'\\(f[0-9a-f]{3})|([\ue000-\uf8ff])')
ICON_CLASS = re.compile(r"\bfa-[a-z0-9-]+")


def glyphs_in_use(outdir: Path) -> set[int]:
    css = (outdir / THEME_CSS).read_text(encoding="utf-8")
    by_class: dict[str, int] = {}
    for selectors, code in CLASS_RULE.findall(css):
        for name in re.findall(r"\.(fa-[a-z0-9-]+):before", selectors):
            by_class[name] = int(code, 16)
    used = set()
    for page in [*outdir.rglob("*.html"), *(outdir / "_static").rglob("*.js")]:
        used |= set(ICON_CLASS.findall(page.read_text(encoding="utf-8", errors="ignore")))
    codes = {by_class[name] for name in used if name in by_class}
    elsewhere = CLASS_RULE.sub("", css)
    for escape, char in OTHER_ICON.findall(elsewhere):
        codes.add(int(escape, 16) if escape else ord(char))
    return codes


def theme_font(name: str) -> Path:
    """The theme's own, complete font (the copy in the output may be cut already)."""
    import pydata_sphinx_theme
    return next(Path(pydata_sphinx_theme.__file__).parent.glob(f"theme/**/webfonts/{name}"))


def subset_font(source: Path, path: Path, codes: set[int]) -> tuple[int, int]:
    before = source.stat().st_size
    font = TTFont(source)
    available = set(font.getBestCmap())
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codes & available or {0x20})
    subsetter.subset(font)
    font.flavor = "woff2"
    font.save(path)
    return before, path.stat().st_size


def font_digests(fonts: list[Path]) -> str:
    return " ".join(hashlib.sha256(f.read_bytes()).hexdigest()[:16] for f in fonts)


def lighten_icons(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    if not (outdir / THEME_CSS).exists():
        return
    codes = glyphs_in_use(outdir)
    stamp = outdir / FONT_DIR / ".glyphs"
    fonts = [outdir / FONT_DIR / name for name in FONTS if (outdir / FONT_DIR / name).exists()]
    wanted = " ".join(f"{c:x}" for c in sorted(codes))
    # Fresh when the same glyphs were cut into exactly these files. Sphinx re-copies
    # the theme's full fonts with their old modification times, so compare contents.
    if not stamp.exists() or stamp.read_text() != wanted + "\n" + font_digests(fonts):
        for path in fonts:
            before, after = subset_font(theme_font(path.name), path, codes)
            logger.info(f"icon font {path.name}: {before // 1024} KiB -> {after // 1024} KiB")
        stamp.write_text(wanted + "\n" + font_digests(fonts))
    unused_script = outdir / "_static" / "scripts" / "fontawesome.js"
    unused_script.unlink(missing_ok=True)


def lighten_figures(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    for image in (Path(app.outdir) / "_images").glob("*.png"):
        if image.stat().st_size > PALETTE_ABOVE:
            palette_png(image)


def palette_png(path: Path) -> None:
    """Re-save with at most 256 colours (transparency kept) when that is smaller."""
    from PIL import Image

    with Image.open(path) as image:
        if image.mode == "P":  # already done in an earlier build
            return
        image.load()
        reduced = image.convert("RGBA").quantize(colors=256, method=Image.Quantize.FASTOCTREE,
                                                 dither=Image.Dither.NONE)
    target = path.with_suffix(".tmp.png")
    reduced.save(target, "PNG", optimize=True)
    if target.stat().st_size < path.stat().st_size:
        target.replace(path)
    else:
        target.unlink()


# Asset file name fragment -> what in the page body means the page needs it.
NEEDED_IF = {
    "clipboard.min.js": 'class="highlight',
    "copybutton.": 'class="highlight',
    "design-tabs.js": 'sd-',
    "sphinx-design.min.css": 'sd-',
    "mystnb.": 'class="cell ',
    "togglebutton.": ("toggle", "dropdown"),
    "toggleHint": ("toggle", "dropdown"),  # togglebutton's inline settings
    "toggleOpenOnPrint": ("toggle", "dropdown"),
    "togglebuttonSelector": ("toggle", "dropdown"),
}
NEVER = ("sphinx-thebe.", "THEBE_JS_URL", "requestKernel")
SEARCH_ONLY = ("searchtools.js", "language_data.js", "searchindex.js")
KEEP_BLOCKING = ("documentation_options.js",)
IMAGE_TAG = re.compile(r"<img\b[^>]*>")
PALETTE_ABOVE = 40_000  # bytes: re-save larger PNG figures with a palette


def load_only_where(fragment: str, *marks: str) -> None:
    """For other extensions: the asset named ``fragment`` loads only on pages whose
    body contains one of ``marks``."""
    NEEDED_IF[fragment] = marks


def load_only_on_search_page(fragment: str) -> None:
    global SEARCH_ONLY
    SEARCH_ONLY = (*SEARCH_ONLY, fragment)


def needed(asset: str, body: str, pagename: str) -> bool:
    if any(mark in asset for mark in NEVER):
        return False
    if any(name in asset for name in SEARCH_ONLY):
        return pagename == "search"
    for fragment, marks in NEEDED_IF.items():
        if fragment in asset:
            return any(mark in body for mark in ((marks,) if isinstance(marks, str) else marks))
    return True


def lazy_images_after_the_first(body: str) -> str:
    """The first image may be the largest paint; later ones load when needed."""
    images = list(IMAGE_TAG.finditer(body))
    for match in reversed(images[1:]):
        if "loading=" not in match.group(0):
            body = body[:match.start()] + '<img loading="lazy"' + body[match.start() + 4:]
    return body


def static_relative(filename: str) -> str:
    """The name app.add_js_file takes: inside _static/ (where Sphinx put it), or a URL."""
    return filename.removeprefix("_static/")


def to_defer(script, pagename: str) -> bool:
    # On the search page the theme writes searchindex.js in the head, and it
    # calls searchtools.js at once: that page keeps its scripts as they are.
    return bool(script.filename) and pagename != "search" \
        and not any(k in str(script.filename) for k in KEEP_BLOCKING) \
        and "async" not in script.attributes


def trim_page_assets(app, pagename, templatename, context, doctree) -> None:
    body = context.get("body", "")
    context["body"] = body = lazy_images_after_the_first(body)
    # The page's script list is Sphinx's own. It is emptied, then refilled in the same
    # order through app.add_js_file, Sphinx's public way to give one page a script.
    scripts = context.get("script_files", [])
    kept, seen = [], set()
    for script in scripts:
        key = script.filename or script.attributes.get("body", "")
        if key not in seen and needed(str(key), body, pagename):
            seen.add(key)
            kept.append(script)
    scripts.clear()
    for script in kept:
        app.add_js_file(static_relative(str(script.filename)) if script.filename else None,
                        priority=script.priority,
                        loading_method="defer" if to_defer(script, pagename) else None,
                        **script.attributes)
    context["css_files"] = [css for css in context.get("css_files", [])
                            if needed(css.filename, body, pagename)]


def auto_colour_mode(app, config) -> None:
    """Follow the reader's system light/dark setting until they choose (the theme
    otherwise starts with an empty mode and logs an error in the console)."""
    config.html_context = {"default_mode": "auto", **config.html_context}


def setup(app):
    app.connect("config-inited", auto_colour_mode)
    app.connect("html-page-context", trim_page_assets, priority=900)
    app.connect("build-finished", lighten_icons)
    app.connect("build-finished", lighten_figures)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
