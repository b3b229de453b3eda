"""A private JupyterLab server and a headless Chromium for the real-client notebook test.

The server listens on 127.0.0.1 on a free port with a random token, and everything it reads
or writes lives in a temporary directory: a copy of the repository's notebooks (outputs
cleared) beside copies of ``data/`` and ``seeds/``, its own settings, workspaces and runtime
files. ``NEWSFRAME_ROOT`` points the kernel's ``newsframe.config`` at that copy, so notebooks
that export charts never touch the real ``exports/``.

These tests run only when asked for, with ``pytest -m browser`` (what ``make test-browser``
does) or ``NEWSFRAME_BROWSER_TESTS=1``; a plain ``pytest`` skips them, and ``-m "not browser"``
deselects them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from jupyterlab_harness import (
    CHROMIUM_ARGS,
    CHROMIUM_PATH,
    ENABLE_VARIABLE,
    LabServer,
    running_lab_server,
)

from newsframe.config import EXPORTS_DIR

if TYPE_CHECKING:
    from playwright.sync_api import Browser


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "browser: real JupyterLab + Chromium test; run with `make test-browser`"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # Asked for explicitly (`-m browser`, as `make test-browser` does, or the variable): run.
    # A plain `pytest` skips them: they need Chromium and take a minute per notebook.
    if config.getoption("markexpr").strip() == "browser" or os.environ.get(ENABLE_VARIABLE) == "1":
        return
    skip = pytest.mark.skip(reason="browser test: run `make test-browser` (pytest -m browser)")
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def lab_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LabServer]:
    with running_lab_server(tmp_path_factory.mktemp("jupyterlab")) as server:
        yield server


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    if not CHROMIUM_PATH.exists():
        pytest.fail(
            f"Chromium not found at {CHROMIUM_PATH}: `apt-get install -y chromium` "
            "(or set NEWSFRAME_CHROMIUM to its path)"
        )
    # Imported here so that collecting the skipped tests needs no Playwright.
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM_PATH), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="session")
def screenshots_dir() -> Path:
    folder = Path(os.environ.get("NEWSFRAME_SCREENSHOTS_DIR", EXPORTS_DIR / "screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder
