"""Interactive HTML view of the citation graph: one offline file, time running left to right.

Why our own template rather than pyvis's: pyvis 0.3.2 links Bootstrap (and, outside "in_line",
vis-network) from a CDN, so its pages are not offline. We keep pyvis as the node/edge container
and take vis-network's JS/CSS from the copy bundled inside the pyvis package, inlined into
`templates/view.html`. Document strings travel only as JSON data and reach the DOM through
`textContent`/canvas text, never as HTML, so a title like `<script>` stays text.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import math
import re
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

import networkx as nx
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pyvis.edge import Edge
from pyvis.network import Network

TEMPLATES = Path(__file__).with_name("templates")
VIS_VERSION = "vis-9.1.2"
UNDOCS = "https://undocs.org/"
# Keys with a prefix ("convention:UNTOC") are not UN symbols and have no undocs.org page.
_PREFIXED_KEY = re.compile(r"^[a-z][a-z-]*:")


@lru_cache(maxsize=1)
def load_style() -> dict[str, Any]:
    """Colours and layout constants live in a data file so they can change without code."""
    return json.loads((TEMPLATES / "view_style.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    """vis-network's JS and CSS from the pyvis package itself: nothing is fetched at run time."""
    import pyvis

    lib = Path(pyvis.__file__).parent / "lib" / VIS_VERSION
    js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    css = (lib / "vis-network.css").read_text(encoding="utf-8")
    # An inline block ends at the first "</script" / "</style", wherever it sits.
    js = re.sub(r"</(script)", r"<\\/\1", js, flags=re.IGNORECASE)
    css = re.sub(r"</(style)", r"<\\/\1", css, flags=re.IGNORECASE)
    return js, css


def _color(value: str | None, table: dict[str, Any], style: dict[str, Any]) -> str:
    """A stable colour for any code, known or not (bodies beyond the contract's list are free-form)."""
    if value in table:
        entry = table[value]
        return entry["color"] if isinstance(entry, dict) else entry
    palette = style["fallback"]
    digest = hashlib.sha1(str(value).encode("utf-8")).digest()
    return palette[digest[0] % len(palette)]


def _unit_hash(value: Any) -> float:
    """A number in [0, 1) that depends only on `value`: the same layout on every export."""
    return hashlib.sha1(str(value).encode("utf-8")).digest()[0] / 256


def node_time(attrs: dict[str, Any]) -> float | None:
    """Fractional year: the date, else the year, else a GA session (session n sits in year 1945+n)."""
    date = attrs.get("date")
    if date:
        try:
            day = dt.date.fromisoformat(str(date)[:10])
            return day.year + (day.timetuple().tm_yday - 1) / 366
        except ValueError:
            pass
    year = attrs.get("year")
    if isinstance(year, int):
        # Only the year is known: spread such works across it (stably) rather than piling them up mid-year.
        return year + 0.15 + 0.7 * _unit_hash(attrs.get("key") or attrs.get("label"))
    session = attrs.get("session")
    kind = str(attrs.get("kind") or "")
    if isinstance(session, int) and (attrs.get("body") == "GA" or kind.startswith("ga-")):
        return 1945 + session + 0.9  # most resolutions of session n are adopted in December of 1945+n
    return None


def citations_received(graph: nx.MultiDiGraph, node: Any) -> int:
    """Distinct citing documents: one document recalling and citing the same work counts once."""
    return len(set(graph.predecessors(node)))


def undocs_url(node: Any, attrs: dict[str, Any]) -> str | None:
    """The document's undocs.org page when its key is a UN symbol, else None."""
    iri = attrs.get("iri")
    if isinstance(iri, str) and iri.startswith(UNDOCS):
        return iri
    symbol = attrs.get("symbol") or attrs.get("key") or node
    if not isinstance(symbol, str) or _PREFIXED_KEY.match(symbol) or "/" not in symbol:
        return None
    return UNDOCS + quote(symbol, safe="/().-_~")


def layout(graph: nx.MultiDiGraph) -> tuple[dict[Any, tuple[float, float]], list[dict[str, Any]], dict[Any, str]]:
    """Fixed x from time (one column per year present), y stacked within each time bucket.

    Undated works sit just left of their earliest dated citer (a work precedes what cites it);
    works with neither go to an "undated" column on the far left. Returns positions,
    the year ticks to draw, and how each undated node was placed.
    """
    cfg = load_style()["layout"]
    physics = graph.number_of_nodes() <= cfg["physics_max_nodes"]
    times = {n: node_time(a) for n, a in graph.nodes(data=True)}
    placed: dict[Any, str] = {}
    # Undated nodes take the time of their earliest timed citer; repeat so chains resolve.
    for _ in range(max(1, min(len(graph), 20))):
        changed = False
        for n in graph.nodes:
            if times[n] is not None and n not in placed:
                continue
            citer_times = [times[c] for c in graph.predecessors(n) if times[c] is not None and c != n]
            if citer_times and (times[n] is None or min(citer_times) < times[n]):
                times[n] = min(citer_times)
                placed[n] = "by-citer"
                changed = True
        if not changed:
            break
    years = sorted({math.floor(t) for t in times.values() if t is not None})
    column = {y: i for i, y in enumerate(years)}
    col_px, within_px = cfg["column_px"], cfg["within_year_px"]

    def x_of(n: Any) -> float:
        t = times[n]
        if t is None:
            return -col_px
        x = column[math.floor(t)] * col_px + (t - math.floor(t)) * within_px
        return x - cfg["undated_shift_px"] if n in placed else x

    xs = {n: x_of(n) for n in graph.nodes}
    for n in graph.nodes:
        if times[n] is None:
            placed[n] = "undated"
    kind_order = {k: i for i, k in enumerate(load_style()["kinds"])}
    # Stacks: each year is cut into k slices of time, each slice stacked vertically. k is chosen so the
    # whole picture comes out about `aspect` times wider than tall, whatever the number of works.
    width = max(1, len(years)) * col_px
    per_year = graph.number_of_nodes() / max(1, len(years))
    k_max = max(1, int(within_px / cfg["bucket_px"]))
    k = min(k_max, max(1, round(per_year * cfg["row_px"] * cfg["aspect"] / width)))
    buckets: dict[tuple[Any, ...], list[Any]] = {}
    for n in graph.nodes:
        t = times[n]
        slot = ("undated",) if t is None else (column[math.floor(t)], int((t - math.floor(t)) * k), n in placed)
        buckets.setdefault(slot, []).append(n)
    positions: dict[Any, tuple[float, float]] = {}
    for members in buckets.values():
        members.sort(key=lambda n: (kind_order.get(graph.nodes[n].get("kind"), 99),
                                    str(graph.nodes[n].get("body") or ""), times[n] or 0, str(n)))
        middle = (len(members) - 1) / 2
        for i, n in enumerate(members):
            # A small stable offset breaks the symmetry physics cannot break on a single row.
            jitter = (_unit_hash(n) - 0.5) * cfg["row_px"] if physics else 0
            positions[n] = (round(xs[n], 1), round((i - middle) * cfg["row_px"] + jitter, 1))
    ticks = [{"x": column[y] * col_px, "label": str(y)} for y in years]
    if any(v == "undated" for v in placed.values()):
        ticks.insert(0, {"x": -col_px, "label": "undated"})
    return positions, ticks, placed


def _text(value: Any) -> str | None:
    """Strings for the page; None stays None so the tooltip can leave the line out."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return str(value)


def _edge_texts(edge: dict[str, Any], limit: int = 3) -> list[str]:
    """The cited spans of one edge: every mention (e.g. both language versions), first ones first."""
    texts: list[str] = []
    for mention in [edge, *(edge.get("mentions") or [])]:
        text = _text(mention.get("text")) if isinstance(mention, dict) else None
        if text and text not in texts and len(texts) < limit:
            texts.append(text)
    return texts


def _node_meta(graph: nx.MultiDiGraph, node: Any, attrs: dict[str, Any], placed: str | None) -> dict[str, Any]:
    spans = []
    limit = load_style()["layout"]["tooltip_spans"]
    for citer, _, e in graph.in_edges(node, data=True):
        for text in _edge_texts(e, limit=1):
            if len(spans) < limit:
                spans.append({"from": _text(graph.nodes[citer].get("label") or citer),
                              "relation": _text(e.get("relation")), "text": text})
    title = _text(attrs.get("title"))
    label = _text(attrs.get("label")) or str(node)
    return {
        "key": _text(attrs.get("key")) or str(node), "label": label, "title": title,
        "kind": _text(attrs.get("kind")), "body": _text(attrs.get("body")),
        "date": _text(attrs.get("date")), "session": _text(attrs.get("session")),
        "year": _text(attrs.get("year")), "date_inferred": bool(attrs.get("date_inferred")),
        "in_corpus": bool(attrs.get("in_corpus")), "placed": placed,
        "cited_by": citations_received(graph, node), "cites": len(set(graph.successors(node))),
        "url": undocs_url(node, attrs), "spans": spans,
        "search": " ".join(s for s in (str(node), label, title or "") if s).lower(),
    }


def build_network(graph: nx.MultiDiGraph, focus: Any = None) -> tuple[Network, dict[str, Any]]:
    """A pyvis Network holding vis-network nodes/edges, plus the page's legend and axis data."""
    style = load_style()
    cfg = style["layout"]
    big = graph.number_of_nodes() > cfg["physics_max_nodes"]
    positions, ticks, placed = layout(graph)
    net = Network(directed=True, cdn_resources="in_line")
    kinds: dict[str, int] = {}
    bodies: dict[str, int] = {}
    relations: dict[str, int] = {}
    ids = {}
    for i, (node, attrs) in enumerate(graph.nodes(data=True)):
        ids[node] = f"n{i}"
        kind = str(attrs.get("kind") or "other")
        body = str(attrs.get("body") or "")
        kinds[kind] = kinds.get(kind, 0) + 1
        bodies[body] = bodies.get(body, 0) + 1
        fill = _color(kind, style["kinds"], style)
        ring = _color(body, style["bodies"], style) if body else style["no_body_color"]
        x, y = positions[node]
        meta = _node_meta(graph, node, attrs, placed.get(node))
        net.add_node(
            ids[node], label=meta["label"], shape="star" if node == focus else "dot",
            color={"background": fill, "border": ring,
                   "highlight": {"background": fill, "border": "#000000"},
                   "hover": {"background": fill, "border": "#000000"}},
            borderWidth=2 if big else 3, borderWidthSelected=5, value=meta["cited_by"],
            shapeProperties={"borderDashes": False if attrs.get("in_corpus") else [4, 3]},
            x=x, y=y, fixed={"x": True, "y": big}, physics=not big,
            kind=kind, body=body, meta=meta,
        )
    for j, (u, v, key, e) in enumerate(graph.edges(keys=True, data=True)):
        relation = str(e.get("relation") or key or "cites")
        relations[relation] = relations.get(relation, 0) + 1
        color = _color(relation, style["relations"], style)
        # pyvis's add_edge scans its node list per edge; build the Edge directly to stay linear.
        edge = Edge(ids[u], ids[v], True, id=f"e{j}", relation=relation,
                    color={"color": color, "highlight": color, "hover": color, "opacity": 0.35 if big else 0.8},
                    meta={"relation": relation, "from": _text(graph.nodes[u].get("label") or u),
                          "to": _text(graph.nodes[v].get("label") or v), "texts": _edge_texts(e),
                          "paragraph": _text(e.get("paragraph")), "footnote": _text(e.get("footnote")),
                          "language": _text(e.get("language"))})
        net.edges.append(edge.options)
    net.options = vis_options(big)
    legend = {
        "kinds": [{"value": k, "color": _color(k, style["kinds"], style), "count": c}
                  for k, c in sorted(kinds.items(), key=lambda kc: -kc[1])],
        "bodies": [{"value": b, "name": style["bodies"].get(b, {}).get("name", b) if b else "no body",
                    "color": _color(b, style["bodies"], style) if b else style["no_body_color"], "count": c}
                   for b, c in sorted(bodies.items(), key=lambda bc: -bc[1])],
        "relations": [{"value": r, "color": _color(r, style["relations"], style), "count": c}
                      for r, c in sorted(relations.items(), key=lambda rc: -rc[1])],
    }
    page = {"ticks": ticks, "legend": legend, "physics": not big, "focus": ids.get(focus)}
    return net, page


def vis_options(big: bool) -> dict[str, Any]:
    """Physics that settles then stops; above the threshold no physics and light edges."""
    return {
        "nodes": {"scaling": {"min": 8, "max": 40, "label": {"enabled": True, "min": 10, "max": 22,
                                                           "drawThreshold": 7 if big else 4}},
                  "font": {"size": 12, "face": "sans-serif"}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}, "width": 1,
                  "smooth": False if big else {"enabled": True, "type": "curvedCW", "roundness": 0.12},
                  "selectionWidth": 2},
        "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False,
                        "hideEdgesOnDrag": big, "hideEdgesOnZoom": big, "multiselect": True},
        "layout": {"improvedLayout": False, "randomSeed": 1},
        "physics": {"enabled": not big, "solver": "barnesHut",
                    "barnesHut": {"gravitationalConstant": -4000, "centralGravity": 0.03,
                                  "springLength": 140, "springConstant": 0.015, "damping": 0.4,
                                  "avoidOverlap": 1},
                    "stabilization": {"enabled": not big, "iterations": 400, "updateInterval": 25,
                                      "fit": True}},
    }


def _json_for_script(data: Any) -> str:
    """JSON that cannot close its <script> element nor start markup, whatever the strings hold."""
    text = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


def render_html(graph: nx.MultiDiGraph, title: str = "uncite citation graph", focus: Any = None) -> str:
    """The whole page as one string: vis-network, styles, data and app code inlined."""
    net, page = build_network(graph, focus=focus)
    nodes, edges, _, _, _, options = net.get_network_data()
    vis_js, vis_css = _vis_assets()
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html"]))
    data = {"nodes": nodes, "edges": edges, "options": json.loads(options), **page}
    app_js = (TEMPLATES / "view.js").read_text(encoding="utf-8")
    return env.get_template("view.html").render(
        title=title, vis_js=vis_js, vis_css=vis_css, app_js=app_js, data_json=_json_for_script(data),
        n_nodes=graph.number_of_nodes(), n_edges=graph.number_of_edges(),
    )


def write_html(graph: nx.MultiDiGraph, path: str | Path, title: str = "uncite citation graph",
               focus: Any = None) -> Path:
    """Write the page; returns its path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_html(graph, title=title, focus=focus), encoding="utf-8")
    return path


def notebook_view(graph: nx.MultiDiGraph, height: int = 650, title: str = "uncite citation graph",
                  focus: Any = None) -> Any:
    """The page in an iframe's srcdoc, for Jupyter: still no request, and isolated from the notebook."""
    from IPython.display import HTML

    page = html.escape(render_html(graph, title=title, focus=focus), quote=True)
    return HTML(f'<div class="uncite-view"><iframe srcdoc="{page}" style="width:100%;height:{int(height)}px;border:1px solid #ccc" '
                f'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"></iframe></div>')
