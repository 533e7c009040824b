"""The HTML export opened in a real headless Chromium, with every request but the file itself blocked."""
from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import pytest

from graph.html_view import write_html
from graph.view_export import export_view

playwright_api = pytest.importorskip("playwright.sync_api")

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = Path(__file__).with_name("artifacts")
CHROMIUM = os.environ.get("UNCITE_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
XSS_TITLE = "<script>alert(1)</script>"
XSS_LABEL = '<img src=x onerror="alert(2)">'


def node(graph: nx.MultiDiGraph, key: str, **attrs: object) -> None:
    """A node with the contract's attributes (None where unknown)."""
    base = {"key": key, "label": key, "kind": None, "body": None, "session": None, "date": None, "year": None,
            "title": None, "in_corpus": False, "date_inferred": False}
    base.update(attrs)
    graph.add_node(key, **base)


def cite(graph: nx.MultiDiGraph, u: str, v: str, relation: str = "cites", text: str | None = None) -> None:
    graph.add_edge(u, v, key=relation, relation=relation, text=text, paragraph="PP1", footnote=None, language="fr")


def small_graph() -> nx.MultiDiGraph:
    """Five works over four years, two relations between one pair, an instrument without date or symbol."""
    g = nx.MultiDiGraph()
    node(g, "A/RES/55/25", kind="ga-resolution", body="GA", session=55, date="2000-11-15", year=2000,
         title="Convention against Transnational Organized Crime", in_corpus=False)
    node(g, "A/RES/56/120", kind="ga-resolution", body="GA", session=56, date="2001-12-19", year=2001,
         title="Action against transnational organized crime", in_corpus=True)
    node(g, "A/RES/58/135", kind="ga-resolution", body="GA", session=58, date="2003-12-22", year=2003,
         title="Strengthening international cooperation", in_corpus=True)
    node(g, "E/CN.15/2003/5", kind="document", body="ECOSOC", year=2003, date_inferred=True)
    node(g, "convention:UNTOC", label="UNTOC", kind="convention")
    cite(g, "A/RES/56/120", "A/RES/55/25", "recalls", "sa résolution 55/25 du 15 novembre 2000")
    cite(g, "A/RES/58/135", "A/RES/55/25", "recalls", "sa résolution 55/25")
    cite(g, "A/RES/58/135", "A/RES/55/25", "cites", "résolution 55/25")
    cite(g, "A/RES/58/135", "A/RES/56/120", "recalls", "sa résolution 56/120 du 19 décembre 2001")
    cite(g, "A/RES/58/135", "E/CN.15/2003/5", "takesNoteOf", "E/CN.15/2003/5")
    cite(g, "A/RES/56/120", "convention:UNTOC", "cites", "Convention des Nations Unies contre la criminalité")
    cite(g, "A/RES/58/135", "convention:UNTOC", "cites", "la Convention")
    return g


def xss_graph() -> nx.MultiDiGraph:
    g = small_graph()
    g.nodes["A/RES/58/135"]["title"] = XSS_TITLE
    g.nodes["convention:UNTOC"]["label"] = XSS_LABEL
    g.edges["A/RES/58/135", "A/RES/56/120", "recalls"]["text"] = "</script><script>alert(3)</script>"
    return g


def large_graph(n: int = 3000, seed: int = 7) -> nx.MultiDiGraph:
    """Thousands of resolutions over 30 years, each citing a few older ones: the legibility threshold case."""
    import random

    rng = random.Random(seed)
    g = nx.MultiDiGraph()
    for i in range(n):
        year = 1990 + i * 30 // n
        node(g, f"A/RES/{year - 1945}/{i}", kind=rng.choice(["ga-resolution", "ecosoc-resolution", "document"]),
             body=rng.choice(["GA", "ECOSOC", "HRC", None]), date=f"{year}-{rng.randint(1, 12):02d}-15",
             year=year, in_corpus=True, title=f"Resolution {i}")
    keys = list(g.nodes)
    for i, key in enumerate(keys[10:], start=10):
        for j in rng.sample(range(i), 3):
            cite(g, key, keys[j], rng.choice(["cites", "recalls", "reaffirms"]), f"resolution {j}")
    return g


@dataclass
class Opened:
    """A page with what it tried to do: every request, page errors, dialogs."""

    page: object
    url: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def external(self) -> list[str]:
        return [u for u in self.requests if u != self.url]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM} (Debian package 'chromium'; or set UNCITE_CHROMIUM)")
    with playwright_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_html(browser: object) -> Iterator[object]:
    contexts = []

    def opener(path: Path, width: int = 1400, height: int = 850) -> Opened:
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        opened = Opened(page=None, url=path.resolve().as_uri())

        def route(r: object) -> None:
            opened.requests.append(r.request.url)
            r.continue_() if r.request.url == opened.url else r.abort()

        context.route("**/*", route)
        page = context.new_page()
        page.on("pageerror", lambda e: opened.errors.append(str(e)))
        page.on("dialog", lambda d: (opened.dialogs.append(d.message), d.dismiss()))
        page.on("request", lambda r: r.url not in opened.requests and opened.requests.append(r.url))
        opened.page = page
        page.goto(opened.url)
        page.wait_for_selector("body[data-ready=true]", state="attached", timeout=120_000)
        return opened

    yield opener
    for context in contexts:
        context.close()


def counts(page: object) -> dict[str, int]:
    return page.evaluate("""() => ({nodes: window.uncite.nodes.length, edges: window.uncite.edges.length,
        drawnNodes: Object.keys(window.network.body.nodes).length,
        drawnEdges: Object.keys(window.network.body.edges).length,
        physics: window.network.physics.options.enabled})""")


def node_point(page: object, key: str) -> dict[str, float]:
    """Viewport coordinates of the node whose key is `key` (to hover or click it like a user)."""
    return page.evaluate("""(key) => {
        const n = window.uncite.nodes.get({filter: d => d.meta.key === key})[0];
        const pos = window.network.canvasToDOM(window.network.getPositions([n.id])[n.id]);
        const box = document.getElementById('graph').getBoundingClientRect();
        return {x: box.left + pos.x, y: box.top + pos.y, id: n.id};
    }""", key)


def test_counts_match_export_and_nothing_leaves_the_page(tmp_path: Path, open_html: object) -> None:
    graph = small_graph()
    path = export_view(graph, "html", tmp_path / "graph.html")[0]
    opened = open_html(path)
    got = counts(opened.page)
    assert (got["nodes"], got["edges"]) == (graph.number_of_nodes(), graph.number_of_edges())
    assert (got["drawnNodes"], got["drawnEdges"]) == (graph.number_of_nodes(), graph.number_of_edges())
    assert got["physics"] is False, "physics must stop once the layout has settled"
    assert opened.errors == [] and opened.dialogs == []
    assert set(opened.requests) == {opened.url} and opened.external() == []
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", path.read_text(encoding="utf-8"))


def test_an_empty_graph_still_gives_a_working_page(tmp_path: Path, open_html: object) -> None:
    opened = open_html(write_html(nx.MultiDiGraph(), tmp_path / "empty.html"))
    got = counts(opened.page)
    assert (got["nodes"], got["edges"]) == (0, 0)
    assert opened.page.locator("#status").inner_text() == "No works to show."
    assert opened.errors == [] and opened.external() == []


def test_time_runs_left_to_right_and_legend_lists_what_is_drawn(tmp_path: Path, open_html: object) -> None:
    opened = open_html(write_html(small_graph(), tmp_path / "g.html"))
    xs = {k: node_point(opened.page, k)["x"] for k in ("A/RES/55/25", "A/RES/56/120", "A/RES/58/135")}
    assert xs["A/RES/55/25"] < xs["A/RES/56/120"] < xs["A/RES/58/135"]
    legend = opened.page.locator("#legend").inner_text()
    for word in ("ga-resolution", "convention", "General Assembly", "recalls", "takesNoteOf"):
        assert word in legend
    edge_colours = opened.page.evaluate(
        "() => Object.fromEntries(window.uncite.edges.get().map(e => [e.relation, e.color.color]))")
    assert len(set(edge_colours.values())) == len(edge_colours) == 3


def test_script_in_a_title_stays_text(tmp_path: Path, open_html: object) -> None:
    graph = xss_graph()
    opened = open_html(export_view(graph, "html", tmp_path / "xss.html")[0])
    page = opened.page
    assert opened.dialogs == [] and opened.errors == [] and opened.external() == []
    assert page.evaluate("document.scripts.length") == 3  # data, vis-network, the view: nothing injected
    assert page.locator("img").count() == 0
    target = node_point(page, "A/RES/58/135")
    page.mouse.move(target["x"], target["y"])
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible")
    assert XSS_TITLE in tooltip.text_content()
    assert tooltip.locator("script").count() == 0
    page.fill("#search", "<script>")
    assert page.locator("#search-count").inner_text() == "1 match"
    labels = page.evaluate("() => window.uncite.nodes.get().map(n => n.label)")
    assert XSS_LABEL in labels
    assert opened.dialogs == [] and opened.errors == []


def test_click_opens_the_undocs_page_in_a_new_tab(tmp_path: Path, open_html: object) -> None:
    opened = open_html(write_html(small_graph(), tmp_path / "g.html"))
    page = opened.page
    target = node_point(page, "A/RES/58/135")
    with page.context.expect_page() as popup:
        page.mouse.click(target["x"], target["y"])
    popup.value.wait_for_load_state("domcontentloaded")
    assert opened.external() == ["https://undocs.org/A/RES/58/135"]  # attempted, and blocked by the test
    urls = page.evaluate("() => Object.fromEntries(window.uncite.nodes.get().map(n => [n.meta.key, n.meta.url]))")
    assert urls["convention:UNTOC"] is None and urls["E/CN.15/2003/5"] == "https://undocs.org/E/CN.15/2003/5"


def test_filters_and_search(tmp_path: Path, open_html: object) -> None:
    opened = open_html(write_html(small_graph(), tmp_path / "g.html"))
    page = opened.page
    hidden = "() => [window.uncite.nodes.get({filter: n => n.hidden}).length, " \
             "window.uncite.edges.get({filter: e => e.hidden}).length]"
    page.uncheck('input[data-filter="kind"][data-value="convention"]')
    assert page.evaluate(hidden) == [1, 2]
    page.uncheck('input[data-filter="relation"][data-value="recalls"]')
    assert page.evaluate(hidden) == [1, 5]
    page.check('input[data-filter="kind"][data-value="convention"]')
    page.check('input[data-filter="relation"][data-value="recalls"]')
    page.uncheck('input[data-filter="body"][data-value="ECOSOC"]')
    assert page.evaluate(hidden) == [1, 1]
    page.check('input[data-filter="body"][data-value="ECOSOC"]')
    page.fill("#search", "organized crime")
    assert page.locator("#search-count").inner_text() == "2 matches"
    selected = page.evaluate("() => window.network.getSelectedNodes().map(id => window.uncite.nodes.get(id).meta.key)")
    assert sorted(selected) == ["A/RES/55/25", "A/RES/56/120"]
    assert opened.errors == [] and opened.external() == []


def test_thousands_of_nodes_use_fixed_positions(tmp_path: Path, open_html: object) -> None:
    graph = large_graph()
    opened = open_html(write_html(graph, tmp_path / "large.html"))
    got = counts(opened.page)
    assert (got["nodes"], got["edges"]) == (graph.number_of_nodes(), graph.number_of_edges())
    assert got["physics"] is False
    assert opened.errors == [] and opened.external() == []
    order = opened.page.evaluate("""() => { const p = window.network.getPositions();
        return window.uncite.nodes.get().map(n => [n.meta.date, p[n.id].x]); }""")
    by_date = sorted(order)
    assert all(a[1] <= b[1] for a, b in zip(by_date, by_date[1:]) if a[0][:4] < b[0][:4])


def seed_store(tmp_path: Path) -> object:
    """The seed corpus through the real pipeline: extractor, RDF store (what `uncite build` does)."""
    from extractors.api import extract_file, iter_input_files
    from graph.store import UnciteStore

    store = UnciteStore(tmp_path / "store")
    store.ensure_vocabulary()
    for path in iter_input_files([ROOT / "corpus" / "seeds"]):
        store.replace_document(path, extract_file(path).to_json())
    store.flush()
    return store.raw


def test_seed_graph_screenshot(tmp_path: Path, open_html: object) -> None:
    from graph.network import load_citation_graph

    store = seed_store(tmp_path)
    graph = load_citation_graph(store)
    path = export_view(store, "html", tmp_path / "seed.html")[0]
    opened = open_html(path, width=1600, height=1000)
    got = counts(opened.page)
    assert (got["nodes"], got["edges"]) == (graph.number_of_nodes(), graph.number_of_edges())
    assert opened.errors == [] and opened.external() == []
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "seed_graph.png"
    opened.page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    if os.environ.get("UNCITE_UPDATE_SCREENSHOT") == "1":
        docs = ROOT / "notebooks" / "img" / "seed_graph.png"
        docs.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, docs)
