"""Where the explorer puts each body: computed in Python, not in the browser.

Two layouts for one graph:

* :func:`force_positions`: each connected part laid out by force (networkx's
  spring layout; a numpy Fruchterman-Reingold for parts too large for it
  without scipy), the parts packed in rows so none overlaps another. A page
  drawn from these needs no physics, which is what keeps a 2,000-body page
  quick (vis-network's physics needed most of a minute for 1,000 bodies);
* :func:`layered_positions`: one row per level of the reporting lines,
  bosses above, for the explorer's "Reporting lines" view.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Any

#: connected parts above this size are laid out by the numpy force layout
#: below (networkx's spring layout needs scipy for large graphs)
NX_LAYOUT_MAX_NODES = 400

#: reporting lines: kinds whose target is above the source, and the reverse
REPORTING_UP = frozenset(
    {"reports-to", "accountable-to", "sub-group-of", "part-of", "post-in", "annual-report-to"}
)
REPORTING_DOWN = frozenset({"leads", "chairs"})


#: typical distance in page pixels between a body and its nearest neighbour
SPACING = 130.0


def _spacing_scale(points: Any) -> float:
    """The factor that makes the median nearest-neighbour distance
    :data:`SPACING`: leaves flung far out then do not squeeze a dense core."""
    import numpy as np

    n = len(points)
    sample = points if n <= 600 else points[np.random.default_rng(7).choice(n, 600, False)]
    d2 = ((sample[:, None, :] - points[None, :, :]) ** 2).sum(axis=2)
    d2[d2 == 0] = np.inf  # itself (and any exact twin)
    nearest = np.sqrt(d2.min(axis=1))
    typical = float(np.median(nearest[np.isfinite(nearest)])) if np.isfinite(nearest).any() else 0
    return SPACING / typical if typical > 0 else SPACING


def _force_layout(g: Any, seed: int = 7, iterations: int = 80) -> dict[Any, tuple[float, float]]:
    """Fruchterman-Reingold in numpy, repulsion in row blocks: for large parts."""
    import numpy as np

    nodes = list(g)
    n = len(nodes)
    index = {v: i for i, v in enumerate(nodes)}
    edges = np.array([(index[u], index[v]) for u, v in g.edges() if u != v], dtype=np.int64)
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2)) - 0.5
    k = math.sqrt(1.0 / n)
    t = 0.1
    dt = t / (iterations + 1)
    block = max(1, 4_000_000 // (2 * n))
    for _ in range(iterations):
        disp = np.zeros_like(pos)
        for start in range(0, n, block):
            rows = pos[start : start + block]
            delta = rows[:, None, :] - pos[None, :, :]
            dist2 = np.maximum((delta**2).sum(axis=2), 1e-6)
            disp[start : start + block] = (delta * (k * k / dist2)[:, :, None]).sum(axis=1)
        if len(edges):
            d = pos[edges[:, 0]] - pos[edges[:, 1]]
            dist = np.sqrt((d**2).sum(axis=1))[:, None]
            pull = d * dist / k
            np.add.at(disp, edges[:, 0], -pull)
            np.add.at(disp, edges[:, 1], pull)
        length = np.sqrt((disp**2).sum(axis=1))
        length = np.where(length < 0.01, 0.1, length)
        pos += disp * (t / length)[:, None]
        t -= dt
    pos -= pos.mean(axis=0)
    span = np.abs(pos).max() or 1.0
    pos /= span
    return {v: (float(pos[i, 0]), float(pos[i, 1])) for v, i in index.items()}


def _part_layout(part: Any, large: int) -> dict[Any, tuple[float, float]]:
    n = part.number_of_nodes()
    if n == 1:
        return {next(iter(part)): (0.0, 0.0)}
    if n <= large:
        import networkx as nx

        unit = nx.spring_layout(part, seed=7, iterations=100)
    else:
        unit = _force_layout(part)
    import numpy as np

    nodes = list(unit)
    points = np.array([unit[v] for v in nodes], dtype=float)
    points *= _spacing_scale(points)
    return {v: (float(points[i, 0]), float(points[i, 1])) for i, v in enumerate(nodes)}


def _pack(parts: list[dict[Any, tuple[float, float]]], margin: float = 110.0) -> dict:
    """Place laid-out parts in rows, largest first, without overlap."""
    boxes = []
    for part in parts:
        xs = [p[0] for p in part.values()]
        ys = [p[1] for p in part.values()]
        boxes.append((min(xs), min(ys), max(xs) - min(xs) + margin, max(ys) - min(ys) + margin))
    order = sorted(range(len(parts)), key=lambda i: (-boxes[i][3], -boxes[i][2]))
    area = sum(b[2] * b[3] for b in boxes)
    width = max([math.sqrt(area) * 1.4] + [b[2] for b in boxes])
    out: dict[Any, tuple[float, float]] = {}
    x = y = row_h = 0.0
    for i in order:
        x0, y0, w, h = boxes[i]
        if x > 0 and x + w > width:
            x, y, row_h = 0.0, y + row_h, 0.0
        for v, (px, py) in parts[i].items():
            out[v] = (round(px - x0 + x + margin / 2, 1), round(py - y0 + y + margin / 2, 1))
        x += w
        row_h = max(row_h, h)
    return out


def force_positions(
    g: Any,
    large: int = NX_LAYOUT_MAX_NODES,
    groups: dict[Any, str] | None = None,
    anchors: dict[str, Any] | None = None,
) -> dict[Any, tuple[float, float]]:
    """Page coordinates for every node, laid out by force, packed so that no
    part overlaps another.

    Without ``groups`` each connected part is a part. With ``groups`` (node ->
    group key, e.g. the authority a body serves) each group is one part: its
    connected pieces are held to the group's anchor (``anchors[key]``, e.g.
    the council) by springs that are not drawn, so a council sits with its own
    boards even when the graph records no link between them."""
    import networkx as nx

    u = nx.Graph()
    u.add_nodes_from(sorted(g.nodes, key=str))
    u.add_edges_from((a, b) for a, b in g.edges() if a != b)
    if groups is None:
        parts = sorted(nx.connected_components(u), key=lambda c: (-len(c), min(map(str, c))))
        return _pack([_part_layout(u.subgraph(sorted(c, key=str)), large) for c in parts])
    members: dict[str, list[Any]] = defaultdict(list)
    for v in u:
        members[groups.get(v, "")].append(v)
    laid = []
    for key in sorted(members, key=lambda k: (-len(members[k]), k)):
        part = nx.Graph(u.subgraph(members[key]))
        anchor = (anchors or {}).get(key)
        pieces = sorted(nx.connected_components(part), key=lambda c: (-len(c), min(map(str, c))))
        if anchor not in part:
            anchor = max(pieces[0], key=lambda v: (part.degree(v), str(v)))
        for piece in pieces:
            if anchor not in piece:  # an undrawn spring to the anchor
                part.add_edge(anchor, max(piece, key=lambda v: (part.degree(v), str(v))))
        laid.append(_part_layout(part, large))
    return _pack(laid, margin=GROUP_MARGIN)


#: room between the parts of different groups (an authority's frame and name)
GROUP_MARGIN = 320.0


def reporting_levels(g: Any) -> dict[Any, int]:
    """Level of each body in its reporting lines (0 = top) for bodies that
    are on at least one; cycles are broken by dropping the edge that closes them."""
    import networkx as nx

    h = nx.DiGraph()
    for s, t, kind in g.edges(data="kind"):
        if s == t:
            continue
        if kind in REPORTING_UP:
            h.add_edge(t, s)
        elif kind in REPORTING_DOWN:
            h.add_edge(s, t)
    dag = nx.DiGraph()
    dag.add_nodes_from(h)
    state: dict[Any, int] = {}  # 1 on the stack, 2 done
    for root in sorted(h, key=lambda v: (h.in_degree(v), str(v))):
        if root in state:
            continue
        stack = [(root, iter(sorted(h.successors(root), key=str)))]
        state[root] = 1
        while stack:
            v, children = stack[-1]
            for w in children:
                if state.get(w) == 1:
                    continue  # back edge: would close a cycle
                dag.add_edge(v, w)
                if w not in state:
                    state[w] = 1
                    stack.append((w, iter(sorted(h.successors(w), key=str))))
                    break
            else:
                state[v] = 2
                stack.pop()
    levels: dict[Any, int] = {}
    for v in nx.topological_sort(dag):
        levels[v] = max((levels[p] + 1 for p in dag.predecessors(v)), default=0)
    return levels


def layered_positions(
    g: Any,
    sizes: dict[Any, tuple[float, float]] | None = None,
    per_row: int = 5,
    dx: float = 190.0,
    dy: float = 120.0,
) -> dict[Any, tuple[float, float]]:
    """Page coordinates for the layered view of the bodies on reporting
    lines: bosses above, one band per level, each hierarchy beside the next.

    A level with more than ``per_row`` bodies is folded into staggered rows,
    so the view stays narrow enough to read at a legible zoom. ``sizes``
    (node -> width, height of the body and its label) spaces the rows. Bodies
    on no reporting line get no position: the view sets them aside."""
    import networkx as nx

    levels = reporting_levels(g)
    sizes = sizes or {}
    u = nx.Graph()
    u.add_nodes_from(levels)
    u.add_edges_from((a, b) for a, b in g.edges() if a in levels and b in levels and a != b)
    parts: list[dict[Any, tuple[float, float]]] = []
    for comp in sorted(nx.connected_components(u), key=lambda c: (-len(c), min(map(str, c)))):
        rows: dict[int, list[Any]] = defaultdict(list)
        for v in sorted(comp, key=str):
            rows[levels[v]].append(v)
        x_of: dict[Any, float] = {}
        y_of: dict[Any, float] = {}
        y = 0.0
        for lvl in sorted(rows):
            row = rows[lvl]
            if lvl > 0:  # order by the mean place of neighbours above: shorter lines
                bary = {}
                for v in row:
                    xs = [x_of[w] for w in u[v] if w in x_of and levels[w] < lvl]
                    bary[v] = sum(xs) / len(xs) if xs else float("inf")
                row.sort(key=bary.__getitem__)
            width = min(len(row), per_row)
            for start in range(0, len(row), per_row):
                chunk = row[start : start + per_row]
                # later folds shift by half a step, so lines from above pass between
                shift = dx / 2 if (start // per_row) % 2 else 0.0
                for i, v in enumerate(chunk):
                    x_of[v] = (i - (width - 1) / 2) * dx + shift
                    y_of[v] = y
                tallest = max((sizes.get(v, (0.0, 0.0))[1] for v in chunk), default=0.0)
                y += max(dy * 0.7, tallest + 24.0)
            y += dy * 0.45  # more room between levels than between folds
        parts.append({v: (x_of[v], y_of[v]) for v in comp})
    return _pack(parts, margin=dx) if parts else {}


# ---------------------------------------------------------------- the board and its links


def label_box(label: str, font: float = 14.0) -> tuple[float, float]:
    """Width and height in page pixels of a vis-network label, estimated
    (the browser's sans-serif is often DejaVu Sans, a wide face)."""
    lines = label.split("\n") if label else []
    width = max((len(line) for line in lines), default=0) * font * 0.54
    return width, len(lines) * font * 1.05


def ego_positions(
    centre: Any,
    neighbours: list[Any],
    boxes: dict[Any, tuple[float, float, float]],
    bounds: tuple[float, float] | None = None,
    above: frozenset | set | None = None,
    grid: float = 10.0,
    reach: float = 900.0,
    top_bias: float = 0.2,
    min_radius: float = 120.0,
    crossing_cost: float = 60.0,
) -> dict[Any, tuple[float, float, bool]]:
    """The board view: ``centre`` at the origin and its ``neighbours`` (in
    order of importance, most important first) packed around it. Returns
    ``(x, y, label_above)`` for each body.

    ``boxes`` gives each body's node size and label size as ``(size, width,
    height)``. A label hangs away from the centre: above a body that is above
    the centre, below one below it, so no line to the centre runs through its
    own body's label. Each body in turn takes the free place nearest the
    centre (no nearer than ``min_radius``, where the lines bunch), places
    above counting as nearer (``top_bias``); bodies in ``above`` (those whose
    link is a gap) take a place above the board while one is left. A place is
    free when its label overlaps no other and its line to the centre passes
    through no other body's shape (through a shape it would look like a link
    to that body); among free places, each label a line crosses costs
    ``crossing_cost`` pixels of distance. ``bounds`` (width, height) is the
    frame the page is meant to fit at a legible zoom: places whose label
    would leave it are taken last."""
    import numpy as np

    steps = np.arange(-reach, reach + grid, grid)
    gx, gy = np.meshgrid(steps, steps)
    xs, ys = gx.ravel(), gy.ravel()
    radius = np.hypot(xs, ys)
    angle = np.degrees(np.arctan2(np.abs(xs), -ys))  # 0 straight up, 180 straight down
    cost = radius * (1.0 + top_bias * angle / 180.0)
    keep = radius >= min_radius
    order = np.argsort(np.where(keep, cost, np.inf), kind="stable")[: int(keep.sum())]
    xs, ys, cost = xs[order], ys[order], cost[order]
    upper = ys < -min_radius / 2
    t = np.linspace(0.08, 0.97, 18)

    def box_at(v: Any, x: Any, y: Any) -> Any:
        size, w, h = boxes.get(v, (12.0, 120.0, 36.0))
        half = max(size, w / 2) + 5.0
        up = y < 0
        top = np.where(up, y - size - h - 6.0, y - size - 3.0)
        bottom = np.where(up, y + size + 3.0, y + size + h + 6.0)
        return np.stack([x - half, top, x + half, bottom], axis=-1)

    def shape_at(v: Any, x: Any, y: Any) -> Any:
        r = boxes.get(v, (12.0, 0.0, 0.0))[0] + 4.0
        return np.stack([x - r, y - r, x + r, y + r], axis=-1)

    def inside(px: Any, py: Any, b: Any) -> Any:
        """Rows of points (px, py) with any point inside box ``b`` (or boxes, one per row)."""
        x0, y0, x1, y1 = b[..., 0:1], b[..., 1:2], b[..., 2:3], b[..., 3:4]
        return ((px > x0) & (px < x1) & (py > y0) & (py < y1)).any(axis=-1)

    size0, w0, h0 = boxes.get(centre, (26.0, 200.0, 60.0))
    half0 = max(size0, w0 / 2) + 5.0
    placed = [np.array([-half0, -size0 - 3.0, half0, size0 + h0 + 6.0])]
    shapes: list[Any] = []
    ends: list[tuple[float, float]] = []

    def search(v: Any, allowed: Any) -> tuple[int, int]:
        """The best free place among ``allowed``, and the first place where
        the label at least overlaps nothing (-1 when none)."""
        fallback = -1
        for start in range(0, len(xs), 3000):
            cx, cy = xs[start : start + 3000], ys[start : start + 3000]
            cand = box_at(v, cx, cy)
            ok = allowed[start : start + 3000].copy()
            for pb in placed:
                ok &= ~(
                    (cand[:, 0] < pb[2])
                    & (pb[0] < cand[:, 2])
                    & (cand[:, 1] < pb[3])
                    & (pb[1] < cand[:, 3])
                )
            if fallback < 0 and ok.any():
                fallback = start + int(np.flatnonzero(ok)[0])
            if bounds:
                ok &= (
                    (cand[:, 0] >= -bounds[0] / 2)
                    & (cand[:, 2] <= bounds[0] / 2)
                    & (cand[:, 1] >= -bounds[1] / 2)
                    & (cand[:, 3] <= bounds[1] / 2)
                )
            idx = np.flatnonzero(ok)[:320]  # the nearest places where the label fits
            if not len(idx):
                continue
            px, py = cx[idx, None] * t, cy[idx, None] * t
            own_box, own_shape = cand[idx], shape_at(v, cx[idx], cy[idx])
            good = np.ones(len(idx), dtype=bool)
            crossings = np.zeros(len(idx))
            for pb in shapes:  # its line through another body's shape
                good &= ~inside(px, py, pb)
            for pb in placed[1:]:  # its line under another label
                crossings += inside(px, py, pb)
            for ex, ey in ends:
                qx, qy = (ex * t)[None, :], (ey * t)[None, :]
                good &= ~inside(qx, qy, own_shape)  # an earlier line through its shape
                crossings += inside(qx, qy, own_box)  # or under its label
            if good.any():
                score = np.where(good, cost[start + idx] + crossing_cost * crossings, np.inf)
                return start + int(idx[int(np.argmin(score))]), fallback
        return -1, fallback

    everywhere = np.ones(len(xs), dtype=bool)
    above = above or set()
    out: dict[Any, tuple[float, float, bool]] = {centre: (0.0, 0.0, False)}
    for v in neighbours:
        k = search(v, upper)[0] if v in above else -1
        if k < 0:
            k, fallback = search(v, everywhere)
            if k < 0:
                k = fallback if fallback >= 0 else len(xs) - 1
        x, y = float(xs[k]), float(ys[k])
        out[v] = (round(x, 1), round(y, 1), y < 0)
        placed.append(box_at(v, np.array([x]), np.array([y]))[0])
        shapes.append(shape_at(v, np.array(x), np.array(y)))
        ends.append((x, y))
    return out
