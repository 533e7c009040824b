"""graph.series: resolution series on hand-built graphs."""
from __future__ import annotations

import networkx as nx

from graph.network import complete_node
from graph.series import continuation_links, find_series, own_reference, series_of, title_signature


def add(g: nx.MultiDiGraph, key: str, **attrs: object) -> None:
    g.add_node(key, **complete_node(key, dict(attrs)))


def cite(g: nx.MultiDiGraph, citing: str, cited: str, relation: str, text: str) -> None:
    g.add_edge(citing, cited, key=relation, relation=relation, text=text, mentions=[{"text": text}])


def ga(g: nx.MultiDiGraph, *keys: str) -> None:
    for key in keys:
        add(g, key, kind="ga-resolution", body="GA")


def test_its_resolution_links_successive_sessions_and_reports_gaps() -> None:
    g = nx.MultiDiGraph()
    ga(g, "A/RES/55/25", "A/RES/56/120", "A/RES/57/173", "A/RES/58/135")
    cite(g, "A/RES/56/120", "A/RES/55/25", "recalls", "sa résolution 55/25 du 15 novembre 2000")
    cite(g, "A/RES/58/135", "A/RES/55/25", "recalls", "sa résolution 55/25 du 15 novembre 2000")
    cite(g, "A/RES/58/135", "A/RES/56/120", "recalls", "sa résolution 56/120 du 19 décembre 2001")
    cite(g, "A/RES/58/135", "A/RES/57/173", "cites", "sa résolution 57/173 du 18 décembre 2002")
    links = continuation_links(g)
    # 58/135 recalls 55/25 and 56/120 and cites 57/173: the closest *recalled* one is its predecessor.
    assert sorted(links.edges()) == [("A/RES/56/120", "A/RES/55/25"), ("A/RES/58/135", "A/RES/56/120")]
    (series,) = find_series(g)
    assert series.members == ["A/RES/55/25", "A/RES/56/120", "A/RES/58/135"]
    assert series.periods == [55, 56, 58] and series.gaps == [57]
    assert series_of(g, "A/RES/56/120") == series and series_of(g, "A/RES/57/173") is None


def test_most_similar_title_wins_over_recency() -> None:
    g = nx.MultiDiGraph()
    add(g, "A/RES/59/159", kind="ga-resolution", body="GA",
        title="Strengthening the United Nations Crime Prevention and Criminal Justice Programme")
    add(g, "A/RES/59/160", kind="ga-resolution", body="GA", title="Something else entirely")
    add(g, "doc:60", kind="ga-resolution", body="GA", session=60,
        title="Strengthening the United Nations crime prevention and criminal justice programme, in particular")
    cite(g, "doc:60", "A/RES/59/159", "recalls", "its resolution 59/159 of 20 December 2004")
    cite(g, "doc:60", "A/RES/59/160", "recalls", "its resolution 59/160 of 20 December 2004")
    assert list(continuation_links(g).edges()) == [("doc:60", "A/RES/59/159")]


def test_other_bodies_and_plain_mentions_do_not_link() -> None:
    g = nx.MultiDiGraph()
    ga(g, "A/RES/56/1", "A/RES/55/2", "A/RES/50/3")
    add(g, "S/RES/1373(2001)", kind="sc-resolution", body="SC")
    cite(g, "A/RES/56/1", "S/RES/1373(2001)", "recalls", "Security Council resolution 1373 (2001)")
    cite(g, "A/RES/56/1", "A/RES/55/2", "recalls", "the resolution 55/2")  # not "its resolution"
    cite(g, "A/RES/56/1", "A/RES/50/3", "recalls", "its resolution 50/3")  # six sessions back > max_gap
    assert continuation_links(g).number_of_edges() == 0
    assert continuation_links(g, max_gap=6).number_of_edges() == 1
    assert find_series(g) == []


def test_same_title_series_by_year_with_gap() -> None:
    g = nx.MultiDiGraph()
    for key in ("E/RES/2003/20", "E/RES/2004/25", "E/RES/2006/30"):
        add(g, key, kind="ecosoc-resolution", body="ECOSOC", title="International cooperation against corruption")
    add(g, "E/RES/2005/1", kind="ecosoc-resolution", body="ECOSOC", title="Another subject")
    add(g, "A/RES/60/1", kind="ga-resolution", body="GA", title="International cooperation against corruption")
    (series,) = find_series(g)
    assert series.members == ["E/RES/2003/20", "E/RES/2004/25", "E/RES/2006/30"]
    assert series.periods == [2003, 2004, 2006] and series.gaps == [2005]
    assert {reason for _, _, reason in series.links} == {"same title"}


def test_agenda_item_titles_link_but_bare_numbers_do_not() -> None:
    g = nx.MultiDiGraph()
    add(g, "A/RES/61/1", kind="ga-resolution", body="GA", agenda_item="Crime prevention and criminal justice")
    add(g, "A/RES/62/1", kind="ga-resolution", body="GA", agenda_item="Crime prevention and criminal justice")
    add(g, "A/RES/61/2", kind="ga-resolution", body="GA", agenda_item="105")
    add(g, "A/RES/62/2", kind="ga-resolution", body="GA", agenda_item="105")
    assert [s.members for s in find_series(g)] == [["A/RES/61/1", "A/RES/62/1"]]


def test_phrases_and_signatures() -> None:
    assert own_reference("Recalling its resolutions 55/25 and 55/255")
    assert own_reference("Rappelant ses résolutions 2005/14")
    assert not own_reference("la résolution 1373 (2001)") and not own_reference(None)
    assert title_signature("Lutte contre la criminalité") == title_signature("LUTTE contre la Criminalite")
