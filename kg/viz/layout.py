"""Node positions computed in Python, so the page draws at once with physics off.

A force-directed layout (Fruchterman and Reingold 1991) spends its time on the
repulsion between every pair of nodes: networkx's ``spring_layout`` needs scipy
for graphs over 500 nodes and about 37 s at 5,000 on one core; its
``forceatlas2_layout`` is dense too (about 10 s for ten steps at 5,000). Here the
repulsion is a convolution: node masses are spread on a grid, convolved with the
repulsion kernel by FFT, and read back at each node (the particle-mesh method of
N-body codes, as FIt-SNE uses it for t-SNE). A step costs O(n + m + G² log G),
so 5,000 nodes take well under a second.

Notes:
    Masses are ``degree + 1`` (as in ForceAtlas2), so hubs such as countries get
    room for their many neighbours; a weak pull to the centre keeps the small
    components of a news graph (one article's actors) near the main one.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np

__all__ = ["force_layout"]

_GRAVITY = 0.05
_SPACING = 120.0
"""Ideal edge length in page pixels (vis-network's default node is about 25 px)."""


def _spread(pos: np.ndarray, origin: np.ndarray, cell: float, size: int) -> tuple[np.ndarray, np.ndarray]:
    """Cloud-in-cell weights: the four grid cells around each node and their shares."""
    grid = (pos - origin) / cell
    base = np.clip(np.floor(grid).astype(np.int64), 0, size - 2)
    frac = np.clip(grid - base, 0.0, 1.0)
    cells = np.empty((len(pos), 4), dtype=np.int64)
    shares = np.empty((len(pos), 4))
    for corner, (dx, dy) in enumerate(((0, 0), (1, 0), (0, 1), (1, 1))):
        cells[:, corner] = (base[:, 0] + dx) * size + base[:, 1] + dy
        shares[:, corner] = (frac[:, 0] if dx else 1 - frac[:, 0]) * (frac[:, 1] if dy else 1 - frac[:, 1])
    return cells, shares


@lru_cache(maxsize=4)
def _kernels(size: int) -> tuple[np.ndarray, np.ndarray]:
    """FFT of the repulsion r/|r|² on a (2·size)² grid of unit cells, centred at offset 0.

    The kernel in page units is this one times k²/cell, so it is computed once per size.
    """
    offsets = np.fft.fftfreq(2 * size, d=1.0 / (2 * size))
    dx, dy = np.meshgrid(offsets, offsets, indexing="ij")
    r2 = dx * dx + dy * dy
    r2[0, 0] = 1.0
    kx, ky = dx / r2, dy / r2
    kx[0, 0] = ky[0, 0] = 0.0
    return np.fft.rfft2(kx), np.fft.rfft2(ky)


def _repulsion(pos: np.ndarray, mass: np.ndarray, k: float, size: int) -> np.ndarray:
    """The repulsive force on each node from all the others, through the grid."""
    lo, hi = pos.min(axis=0), pos.max(axis=0)
    cell = max(float((hi - lo).max()), k) / (size - 3)
    origin = lo - cell
    cells, shares = _spread(pos, origin, cell, size)
    density = np.bincount(cells.ravel(), weights=(shares * mass[:, None]).ravel(), minlength=size * size)
    padded = np.zeros((2 * size, 2 * size))
    padded[:size, :size] = density.reshape(size, size)
    spectrum = np.fft.rfft2(padded)
    kx, ky = _kernels(size)
    force = np.empty_like(pos)
    for axis, kernel in enumerate((kx, ky)):
        field = np.fft.irfft2(spectrum * kernel, s=padded.shape)[:size, :size].ravel()
        force[:, axis] = (field[cells] * shares).sum(axis=1)
    return force * mass[:, None] * (k * k / cell)


def force_layout(
    n: int,
    edges: Sequence[tuple[int, int]],
    *,
    iterations: int = 120,
    seed: int = 0,
) -> np.ndarray:
    """Positions in page pixels for ``n`` nodes joined by ``edges``.

    The same graph and seed give the same positions, so rebuilding a graph
    does not reshuffle its picture.

    Args:
        n: Number of nodes, numbered ``0 .. n-1``.
        edges: Pairs of node numbers; repeats pull harder, loops are ignored.
        iterations: Steps of the cooling schedule.
        seed: Seed of the random start.

    Returns:
        An ``(n, 2)`` array of x, y.

    Examples:
        >>> pos = force_layout(3, [(0, 1), (1, 2)])
        >>> pos.shape
        (3, 2)
        >>> bool(abs(pos[0] - pos[2]).max() > 50)
        True
    """
    if n == 0:
        return np.zeros((0, 2))
    if n == 1:
        return np.zeros((1, 2))
    pairs = np.asarray([(a, b) for a, b in edges if a != b], dtype=np.int64).reshape(-1, 2)
    mass = 1.0 + np.bincount(pairs.ravel(), minlength=n).astype(float)
    k = _SPACING
    rng = np.random.default_rng(seed)
    side = k * np.sqrt(n)
    pos = rng.uniform(-side / 2, side / 2, size=(n, 2))
    size = int(np.clip(4 * np.sqrt(n), 32, 256))
    gravity = _GRAVITY * k * mass.sum() / n
    step = side / 8
    for i in range(iterations):
        force = _repulsion(pos, mass, k, size)
        if len(pairs):
            delta = pos[pairs[:, 0]] - pos[pairs[:, 1]]
            pull = delta * np.linalg.norm(delta, axis=1, keepdims=True) / k
            for axis in (0, 1):
                force[:, axis] -= np.bincount(pairs[:, 0], weights=pull[:, axis], minlength=n)
                force[:, axis] += np.bincount(pairs[:, 1], weights=pull[:, axis], minlength=n)
        force -= pos / np.maximum(np.linalg.norm(pos, axis=1, keepdims=True), k) * (mass[:, None] * gravity)
        length = np.linalg.norm(force, axis=1, keepdims=True)
        pos += force / np.maximum(length, 1e-9) * np.minimum(length, step)
        step = max(side / 8 * (1 - (i + 1) / iterations), k / 20)
    return _scaled(_gathered(pos, pairs, k), pairs, k)


def _gathered(pos: np.ndarray, pairs: np.ndarray, k: float) -> np.ndarray:
    """Centre the largest component and bring the small ones in close around it.

    Repulsion pushes small components out to a wide ring; moving each one in
    along its radius keeps their order round the main one but not the empty band.
    """
    parts = _components(len(pos), pairs)
    pos = pos - pos[parts[0]].mean(axis=0)
    radius = float(np.linalg.norm(pos[parts[0]], axis=1).max()) + k
    for part in parts[1:]:
        centre = pos[part].mean(axis=0)
        distance = float(np.linalg.norm(centre))
        if distance > radius:
            pos[part] += centre * ((radius + (distance - radius) * 0.2) / distance - 1)
    return pos


def _components(n: int, pairs: np.ndarray) -> list[np.ndarray]:
    """The connected components as arrays of nodes, largest first, then by lowest node.

    A union-find: the same parts in the same order as networkx's
    ``connected_components``, whose import alone took as long as laying out
    400 nodes.
    """
    parent = list(range(n))

    def root(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for a, b in pairs.tolist():
        first, second = sorted((root(a), root(b)))
        parent[second] = first
    labels = np.fromiter((root(node) for node in range(n)), dtype=np.int64, count=n)
    sizes = np.unique(labels, return_counts=True)[1]
    parts = np.split(np.argsort(labels, kind="stable"), np.cumsum(sizes)[:-1])
    return sorted(parts, key=len, reverse=True)


def _scaled(pos: np.ndarray, pairs: np.ndarray, k: float) -> np.ndarray:
    """Scale the picture so that the median edge is ``k`` pixels long."""
    if not len(pairs):
        return pos
    median = float(np.median(np.linalg.norm(pos[pairs[:, 0]] - pos[pairs[:, 1]], axis=1)))
    return pos * (k / median) if median > 0 else pos
