"""The HTML page: one file with every script, style and datum inline.

pyvis's own template links vis-network, Bootstrap and tom-select from CDNs,
even with ``cdn_resources='in_line'``; a page read from disk on a train then
shows nothing. This page inlines the vis-network build that pyvis ships and
our own script and style, and embeds the graph as JSON, so it makes no network
request at all.

Safety rests on three walls:

* data is JSON in ``<script type="application/json">`` with ``<``, ``>``, ``&``
  and U+2028/9 escaped, so no string can close the element;
* the page script puts data into the DOM with ``textContent`` only;
* a Content-Security-Policy allows only the two inline scripts, by hash, so
  an ``onerror=`` attribute that slipped in anyway would not run, and nothing
  may be fetched (``default-src 'none'``).
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from kg.viz.model import View

__all__ = ["CLASS_STYLES", "DEFAULT_STYLE", "script_json", "render"]

CLASS_STYLES: dict[str, tuple[str, str]] = {
    "Country": ("#0072B2", "dot"),
    "Person": ("#E69F00", "diamond"),
    "Organization": ("#009E73", "square"),
    "Agreement": ("#CC79A7", "triangle"),
    "Place": ("#56B4E9", "hexagon"),
    "Event": ("#D55E00", "star"),
}
"""Colour (Okabe-Ito, readable with colour blindness) and vis-network shape per class."""

DEFAULT_STYLE = ("#999999", "dot")
"""The style of any other class (``Actor`` and classes the ontology adds later)."""

_PREDICATE_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#7F3C8D", "#555555", "#A6761D")
_VIS = "lib/vis-9.1.2/"
_UNSAFE = re.compile(r"</script|</style|<!--", re.IGNORECASE)
_SOURCE_MAP = re.compile(r"^\s*/[/*][#@] sourceMappingURL=.*$", re.MULTILINE)
_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def script_json(value: Any) -> str:
    """``value`` as JSON that is safe inside a ``<script>`` element.

    Examples:
        >>> script_json({"name": "</script><b>&"})
        '{"name":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return re.sub("[<>&\u2028\u2029]", lambda m: _ESCAPES[m.group()], text)


def _package_file(package: str, name: str) -> Path:
    """A file shipped in ``package``, found without importing the package.

    ``importlib.resources.files("pyvis")`` imports pyvis, and pyvis imports
    networkx and IPython: 0.15 s of a 0.5 s page.
    """
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"expected the {package} package to be installed (pip install -e .), found none")
    return Path(next(iter(spec.submodule_search_locations))) / name


def _asset(package: str, name: str) -> str:
    text = _package_file(package, name).read_text(encoding="utf-8")
    text = _SOURCE_MAP.sub("", text)
    if _UNSAFE.search(text):
        raise ValueError(f"{package}/{name} holds a sequence that would end its inline element early")
    return text


@lru_cache(maxsize=1)
def _assets() -> dict[str, str]:
    """The inline assets: vis-network from the pyvis package, our script, style, template."""
    return {
        "vis_js": _asset("pyvis", _VIS + "vis-network.min.js"),
        "vis_css": _asset("pyvis", _VIS + "vis-network.css"),
        "page_js": _asset("kg.viz", "page.js"),
        "page_css": _asset("kg.viz", "page.css"),
        "template": _package_file("kg.viz", "page.html").read_text(encoding="utf-8"),
    }


def _hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


def _payload(view: View, positions: np.ndarray, title: str) -> dict[str, Any]:
    classes = sorted({n.cls for n in view.nodes})
    predicates = sorted({e.predicate for e in view.edges})
    published = [a.published for a in view.articles]
    return {
        "title": title,
        "classes": [
            {"name": c, "color": CLASS_STYLES.get(c, DEFAULT_STYLE)[0], "shape": CLASS_STYLES.get(c, DEFAULT_STYLE)[1]}
            for c in classes
        ],
        "predicates": [
            {"name": p, "color": _PREDICATE_COLOURS[i % len(_PREDICATE_COLOURS)]} for i, p in enumerate(predicates)
        ],
        "nodes": [
            {"label": n.label, "cls": n.cls, "aliases": list(n.aliases), "wd": n.wikidata,
             "x": round(float(x), 1), "y": round(float(y), 1)}
            for n, (x, y) in zip(view.nodes, positions, strict=True)
        ],
        "edges": [
            {
                "from": e.source, "to": e.target, "p": e.predicate, "st": e.status, "sym": e.symmetric,
                "dates": sorted({d for q in e.quotes if (d := q.date or (published[q.article] if q.article >= 0 else None))}),
                "q": [
                    {"s": q.sentence, "a": q.article, "d": q.date, "c": q.confidence, "by": q.attributed_to, "rel": q.relation}
                    for q in e.quotes
                ],
            }
            for e in view.edges
        ],
        "articles": [{"h": a.headline, "src": a.source, "pub": a.published, "url": a.url} for a in view.articles],
    }


def render(view: View, positions: np.ndarray, title: str = "kg graph") -> str:
    """The page of ``view`` with nodes at ``positions`` (one x, y row per node)."""
    import jinja2
    from markupsafe import Markup

    assets = _assets()
    csp = "; ".join(
        (
            "default-src 'none'",
            f"script-src {_hash(assets['vis_js'])} {_hash(assets['page_js'])}",
            "style-src 'unsafe-inline'",
            "img-src data:",
            "base-uri 'none'",
            "form-action 'none'",
        )
    )
    template = jinja2.Environment(autoescape=True).from_string(assets["template"])
    return template.render(
        title=title,
        csp=csp,
        data=Markup(script_json(_payload(view, positions, title))),
        **{name: Markup(assets[name]) for name in ("vis_js", "vis_css", "page_js", "page_css")},
    )
