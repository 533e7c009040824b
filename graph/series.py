"""Resolution series: resolutions that continue each other from session to session.

A resolution continues an earlier one of the same body when they share a title (or a titled agenda
item), or when it recalls "its resolution" of an earlier session (each resolution gets one such
predecessor: the most similar title, then a recalls/reaffirms clause, then the closest session).
Series are the connected groups of these links, ordered by time, with the sessions they skip.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Hashable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

import networkx as nx

from graph.network import lexicon, natural_key, time_key

STRONG_RELATIONS = {"recalls", "reaffirms"}


@dataclass
class Series:
    """One series: members oldest first, their sessions (or years), the sessions missing, and why they link."""

    members: list[str]
    periods: list[int | None]
    gaps: list[int]
    body: str | None
    title: str | None
    links: list[tuple[str, str, str]] = field(default_factory=list)  # (newer, older, reason)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def period(attrs: Mapping[str, Any], key: str) -> int | None:
    """Session of a resolution (GA/HRC numbering), else its year: the unit in which series advance.

    >>> period({}, "A/RES/58/135"), period({"session": 60}, "doc:1"), period({"year": 2005}, "E/RES/2005/14")
    (58, 60, 2005)
    """
    if attrs.get("session") is not None:
        return int(attrs["session"])
    m = re.match(r"^(?:A/RES|A/HRC/RES)/(\d+)/", key)
    if m:
        return int(m.group(1))
    return attrs.get("year")


def _fold(text: str) -> list[str]:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    stop = set(lexicon()["title_stopwords"])
    return [w for w in re.findall(r"[a-z0-9]+", plain) if w not in stop]


def title_signature(title: str | None) -> str | None:
    """Title reduced to its content words (accents, case, punctuation and stopwords dropped).

    >>> title_signature("Action against transnational organized crime") == title_signature("ACTION against Transnational Organized Crime.")
    True
    """
    if not title:
        return None
    words = _fold(title)
    return " ".join(words) if words else None


def title_similarity(a: str | None, b: str | None) -> float:
    """Jaccard similarity of the content words of two titles (0 when either is unknown).

    >>> title_similarity("Strengthening the crime prevention programme", "Strengthening of the crime prevention programme")
    1.0
    """
    if not a or not b:
        return 0.0
    wa, wb = set(_fold(a)), set(_fold(b))
    return len(wa & wb) / len(wa | wb) if wa | wb else 0.0


def own_reference(text: str | None) -> bool:
    """Does the citing text say "its resolution" (sa résolution, su resolución...)?

    >>> own_reference("Rappelant sa résolution 55/25 du 15 novembre 2000"), own_reference("la résolution 1373 (2001)")
    (True, False)
    """
    if not text:
        return False
    folded = text.casefold()
    return any(re.search(rf"(?<!\w){re.escape(p)}(?!\w)", folded) for p in lexicon()["own_reference_phrases"])


def _same_body(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    if a.get("body") and b.get("body"):
        return a["body"] == b["body"]
    return bool(a.get("kind")) and a.get("kind") == b.get("kind")


def continuation_links(graph: nx.MultiDiGraph, max_gap: int = 3) -> nx.DiGraph:
    """Links newer -> older between resolutions that continue each other, with a `reason` attribute.

    >>> g = nx.MultiDiGraph()
    >>> _ = g.add_edge("A/RES/56/120", "A/RES/55/25", key="recalls", text="its resolution 55/25")
    >>> for n in g: g.nodes[n].update(kind="ga-resolution", body="GA")
    >>> list(continuation_links(g).edges(data="reason"))
    [('A/RES/56/120', 'A/RES/55/25', 'its resolution')]
    """
    kinds = set(lexicon()["series_kinds"])
    nodes = graph.nodes
    members = [n for n in graph if nodes[n].get("kind") in kinds]
    periods = {n: period(nodes[n], n) for n in members}
    links = nx.DiGraph()
    links.add_nodes_from(members)
    for citing in members:
        here = periods[citing]
        if here is None:
            continue
        candidates = []
        for cited, edges in graph[citing].items():
            there = periods.get(cited)
            if there is None or not (here - max_gap <= there < here) or not _same_body(nodes[citing], nodes[cited]):
                continue
            texts = [m.get("text") for d in edges.values() for m in (d.get("mentions") or [d])]
            if not any(own_reference(t) for t in texts):
                continue
            similar = title_similarity(nodes[citing].get("title"), nodes[cited].get("title"))
            strong = bool(STRONG_RELATIONS & set(edges))
            candidates.append(((similar, strong, there, natural_key(str(cited))), cited))
        if candidates:
            links.add_edge(citing, max(candidates)[1], reason="its resolution")
    for attr, reason in (("title", "same title"), ("agenda_item", "same agenda item")):
        groups: dict[tuple[Any, str], list[str]] = defaultdict(list)
        for n in members:
            signature = title_signature(nodes[n].get(attr))
            if signature and (attr == "title" or len(signature.split()) >= 3):
                groups[(nodes[n].get("body") or nodes[n].get("kind"), signature)].append(n)
        for group in groups.values():
            ordered = sorted(group, key=lambda n: time_key(nodes[n], n))
            for older, newer in zip(ordered, ordered[1:]):
                if periods[older] != periods[newer] and not links.has_edge(newer, older):
                    links.add_edge(newer, older, reason=reason)
    return links


def _gaps(periods: list[int | None]) -> list[int]:
    known = sorted({p for p in periods if p is not None})
    return [p for a, b in zip(known, known[1:]) for p in range(a + 1, b)]


def find_series(graph: nx.MultiDiGraph, max_gap: int = 3, min_size: int = 2) -> list[Series]:
    """Series of resolutions (connected continuation links), longest first, each oldest first with its gaps.

    >>> g = nx.MultiDiGraph()
    >>> _ = g.add_edge("A/RES/56/120", "A/RES/55/25", key="recalls", text="its resolution 55/25")
    >>> _ = g.add_edge("A/RES/58/135", "A/RES/56/120", key="recalls", text="its resolution 56/120")
    >>> for n in g: g.nodes[n].update(kind="ga-resolution", body="GA")
    >>> s = find_series(g)[0]; s.members, s.gaps
    (['A/RES/55/25', 'A/RES/56/120', 'A/RES/58/135'], [57])
    """
    links = continuation_links(graph, max_gap)
    nodes = graph.nodes
    found = []
    for component in nx.weakly_connected_components(links):
        if len(component) < min_size:
            continue
        ordered = sorted(component, key=lambda n: time_key(nodes[n], n))
        periods = [period(nodes[n], n) for n in ordered]
        titled = [nodes[n].get("title") for n in reversed(ordered) if nodes[n].get("title")]
        found.append(Series(members=ordered, periods=periods, gaps=_gaps(periods),
                            body=nodes[ordered[-1]].get("body"), title=titled[0] if titled else None,
                            links=sorted((u, v, r) for u, v, r in links.subgraph(component).edges(data="reason"))))
    return sorted(found, key=lambda s: (-len(s.members), time_key(nodes[s.members[0]], s.members[0])))


def series_of(graph: nx.MultiDiGraph, key: Hashable, max_gap: int = 3) -> Series | None:
    """The series `key` belongs to, if any.

    >>> g = nx.MultiDiGraph([("A/RES/56/120", "A/RES/55/25", "recalls")])
    >>> series_of(g, "A/RES/56/120") is None
    True
    """
    for series in find_series(graph, max_gap):
        if key in series.members:
            return series
    return None
