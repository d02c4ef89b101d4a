"""Headless Chromium for the page: a PNG of the graph, and the browser the tests drive.

Debian's ``chromium`` is used through Playwright's ``executable_path``, never a
browser that Playwright downloads, so nothing is fetched at run time. The
screenshot is best effort: a machine without Chromium builds the graph all the
same, without ``graph.png``.
"""

from __future__ import annotations

import os
import shutil
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from kg.atomic import atomic_path

__all__ = ["CHROMIUM_ARGS", "chromium_path", "chromium", "open_page", "screenshot"]

CHROMIUM_ARGS: tuple[str, ...] = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
"""Flags for a quiet headless browser that phones nobody."""


def chromium_path() -> Path | None:
    """Where Chromium is: ``$KG_CHROMIUM``, ``/usr/bin/chromium`` or ``chromium`` on the PATH."""
    for candidate in (os.environ.get("KG_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


@contextmanager
def chromium() -> Iterator[Any]:
    """A running headless Chromium (a Playwright ``Browser``), closed on exit.

    Raises:
        FileNotFoundError: When Chromium is not installed (``make chromium`` installs it).
    """
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    if executable is None:
        raise FileNotFoundError("expected Chromium at /usr/bin/chromium or $KG_CHROMIUM, got none; run `make chromium`")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(executable), args=list(CHROMIUM_ARGS))
        try:
            yield browser
        finally:
            browser.close()


def open_page(browser: Any, html: Path, *, width: int = 1400, height: int = 900, timeout: float = 60.0) -> Any:
    """Open ``html`` from disk in a new page, refuse every other request, wait until drawn.

    The page sets ``window.kgReady`` after vis-network's first frame.
    """
    page = browser.new_page(viewport={"width": width, "height": height})
    page.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith(("file:", "data:")) else route.abort(),
    )
    page.goto(Path(html).resolve().as_uri(), timeout=timeout * 1000)
    page.wait_for_function("window.kgReady === true", timeout=timeout * 1000)
    return page


def _in_event_loop() -> bool:
    import asyncio

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


def screenshot(html: Path, png: Path, *, width: int = 1400, height: int = 900) -> Path | None:
    """Render the page ``html`` to ``png``; ``None`` when Chromium is absent or fails.

    Best effort on purpose: the picture is a convenience of ``kg build``, and a
    build that took minutes must not fail for want of a browser.
    """
    if chromium_path() is None:
        return None
    if _in_event_loop():
        # Playwright's sync API refuses to run inside an asyncio loop (Jupyter): use a thread.
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=1) as pool:
            return pool.submit(screenshot, html, png, width=width, height=height).result()
    try:
        from playwright.sync_api import Error as PlaywrightError
    except ImportError:
        warnings.warn("kg: no screenshot: Playwright is not installed (pip install playwright)", stacklevel=2)
        return None

    try:
        with chromium() as browser:
            image = open_page(browser, html, width=width, height=height).screenshot()
    except PlaywrightError as exc:
        warnings.warn(f"kg: no screenshot of {html}: {exc}", stacklevel=2)
        return None
    with atomic_path(Path(png)) as tmp:
        tmp.write_bytes(image)
    return Path(png)
