"""Every notebook, opened and run in a real JupyterLab in headless Chromium, as an analyst would.

One test per ``notebooks/*.ipynb`` (a self-check notebook when there is none yet): open it,
Run > Run All Cells, wait for the kernel to be idle, then check that no cell shows an error,
that at least as many charts rendered as the committed notebook has, and keep a screenshot.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import nbformat
import pytest
from jupyterlab_harness import (
    BROKEN_NOTEBOOK,
    SELF_CHECK_NOTEBOOK,
    LabServer,
    broken_notebook,
    expected_figures,
    repository_notebooks,
    self_check_notebook,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

NOTEBOOK_TIMEOUT_MS = int(os.environ.get("NEWSFRAME_NOTEBOOK_TIMEOUT_S", "300")) * 1000
OPEN_TIMEOUT_MS = 90_000  # page load plus kernel start on a busy 2-core machine
MAX_SCREENSHOT_HEIGHT = 16_000  # px; Chromium refuses much larger captures

NOTEBOOKS = {path.name: nbformat.read(path, as_version=4) for path in repository_notebooks()} or {
    SELF_CHECK_NOTEBOOK: self_check_notebook()
}

# JavaScript run in the page. `window.jupyterapp` is there because the server runs with
# --LabApp.expose_app_in_browser. The test reads state through it, collapses the sidebar for
# the screenshot and shuts the kernel down after; cells are run from the menu, as a person does.
KERNEL_IDLE = """(path) => {
    const panel = window.jupyterapp?.shell.currentWidget;
    if (panel?.context?.path !== path) return false;
    const kernel = panel.sessionContext?.session?.kernel;
    return Boolean(panel?.sessionContext?.isReady && kernel && kernel.status === 'idle');
}"""
# Outputs are read from the notebook's model, which says what each output is: in the page an
# error and a stderr stream render alike (both as the "application/vnd.jupyter.stderr" mime
# type), so the DOM cannot tell them apart.
CODE_CELL_OUTPUTS = """const codeCells = () => window.jupyterapp.shell.currentWidget.content.widgets
    .filter(cell => cell.model.type === 'code');
const outputsOfType = (type) => codeCells()
    .flatMap(cell => cell.model.outputs.toJSON())
    .filter(output => output.output_type === type);
"""
# Done when the kernel is idle and every non-empty code cell has run, or a cell failed (Run All
# stops at the first error, so the cells after it never get an execution count).
RUN_FINISHED = (
    "() => {"
    + CODE_CELL_OUTPUTS
    + """
    const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session?.kernel;
    const allRun = codeCells()
        .filter(cell => cell.model.sharedModel.getSource().trim() !== '')
        .every(cell => cell.model.executionCount !== null);
    return kernel?.status === 'idle' && (allRun || outputsOfType('error').length > 0);
}"""
)
# Errors as "Name: value" then the traceback, ANSI colour codes removed; stderr streams as text.
ERRORS_AND_STDERR = (
    "() => {"
    + CODE_CELL_OUTPUTS
    + """
    const plain = (text) => text.replace(/\\u001b\\[[0-9;]*m/g, '');
    return {
        errors: outputsOfType('error').map(output =>
            plain(`${output.ename}: ${output.evalue}\\n${output.traceback.join('\\n')}`)),
        stderr: outputsOfType('stream').filter(output => output.name === 'stderr')
            .map(output => Array.isArray(output.text) ? output.text.join('') : output.text),
    };
}"""
)
IMAGES_LOADED = """() => [...document.querySelectorAll('.jp-OutputArea-output img')]
    .every(image => image.complete)"""
IMAGE_WIDTHS = """() => [...document.querySelectorAll('.jp-OutputArea-output img')]
    .map(image => image.naturalWidth)"""
# The notebook scrolls inside its own panel, so the page is only as tall as the window: measure
# the tallest scrolling element of the notebook to know how tall the window must be.
NOTEBOOK_HEIGHT = """() => {
    const panel = window.jupyterapp.shell.currentWidget.node;
    const heights = [...panel.querySelectorAll('*')].map(node => node.scrollHeight);
    return Math.max(panel.scrollHeight, ...heights);
}"""


SCROLL_TO_TOP = """() => window.jupyterapp.shell.currentWidget.node.querySelectorAll('*')
    .forEach(node => { if (node.scrollTop) node.scrollTop = 0; })"""


def run_all_cells(page: Page) -> None:
    """Run > Run All Cells from the menu bar, as a person would."""
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()


def save_full_screenshot(page: Page, path: Path) -> None:
    """Screenshot of the whole notebook: grow the window to its height, sidebars closed."""
    page.evaluate("() => window.jupyterapp.shell.collapseLeft()")
    height = page.evaluate(NOTEBOOK_HEIGHT)
    viewport = page.viewport_size or {"width": 1280, "height": 900}
    page.set_viewport_size(
        {"width": viewport["width"], "height": min(MAX_SCREENSHOT_HEIGHT, int(height) + 200)}
    )
    page.wait_for_timeout(500)  # let JupyterLab lay the panel out at the new size
    # Run All leaves the notebook scrolled to its last cell; show it from the top.
    page.evaluate(SCROLL_TO_TOP)
    page.wait_for_timeout(200)
    page.screenshot(path=str(path))


@dataclass
class NotebookRun:
    """What the page showed once Run All Cells had finished."""

    errors: list[str]  # error outputs (tracebacks of cells that raised)
    stderr: list[str]  # stderr stream outputs
    image_widths: list[int]  # naturalWidth of every image in the outputs
    page_errors: list[str]  # uncaught JavaScript errors in JupyterLab itself

    @property
    def stderr_tracebacks(self) -> list[str]:
        return [text for text in self.stderr if "Traceback" in text]


def run_notebook(
    chromium: Browser, lab_server: LabServer, name: str, screenshot: Path
) -> NotebookRun:
    """Open the notebook, Run All Cells, wait for the kernel, read the outputs, screenshot."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page_errors: list[str] = []
    page.on("pageerror", lambda error: page_errors.append(str(error)))
    try:
        page.goto(lab_server.notebook_url(name))
        page.wait_for_function(KERNEL_IDLE, arg=name, timeout=OPEN_TIMEOUT_MS, polling=250)
        run_all_cells(page)
        page.wait_for_function(RUN_FINISHED, timeout=NOTEBOOK_TIMEOUT_MS, polling=500)
        page.wait_for_function(IMAGES_LOADED, timeout=30_000)
        outputs = page.evaluate(ERRORS_AND_STDERR)
        run = NotebookRun(
            errors=outputs["errors"],
            stderr=outputs["stderr"],
            image_widths=page.evaluate(IMAGE_WIDTHS),
            page_errors=page_errors,
        )
        save_full_screenshot(page, screenshot)
        # One kernel at a time: the next notebook should not compete with this one's memory.
        page.evaluate("() => window.jupyterapp.shell.currentWidget.sessionContext.shutdown()")
        return run
    except Exception as error:
        # Leave a picture of where it got stuck, then let the failure through.
        page.screenshot(path=str(screenshot.with_name(f"{screenshot.stem}-failed.png")))
        raise AssertionError(
            f"{error}\n--- jupyter lab log ---\n{lab_server.log_tail()}"
        ) from error
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("name", sorted(NOTEBOOKS))
def test_notebook_runs_in_jupyterlab_without_errors_and_shows_its_charts(
    name: str, lab_server: LabServer, chromium: Browser, screenshots_dir: Path
) -> None:
    expected = expected_figures(NOTEBOOKS[name])
    run = run_notebook(chromium, lab_server, name, screenshots_dir / f"{Path(name).stem}.png")
    assert run.errors == [], f"{name}: cells raised errors:\n" + "\n\n".join(run.errors)
    assert run.stderr_tracebacks == [], f"{name}: tracebacks on stderr:\n" + "\n\n".join(
        run.stderr_tracebacks
    )
    shown = len(run.image_widths)
    assert shown >= expected, f"{name}: {shown} charts rendered, the notebook has {expected}"
    assert all(width > 0 for width in run.image_widths), f"{name}: empty images {run.image_widths}"
    assert run.page_errors == [], f"{name}: JavaScript errors in JupyterLab: {run.page_errors}"


@pytest.mark.browser
def test_harness_reports_errors_and_tracebacks_it_is_shown(
    lab_server: LabServer, chromium: Browser, tmp_path: Path
) -> None:
    # A notebook that fails on purpose: proves the checks above can fail, and that a cell error
    # ends the wait instead of running into the timeout.
    nbformat.write(broken_notebook(), lab_server.root / "notebooks" / BROKEN_NOTEBOOK)
    run = run_notebook(chromium, lab_server, BROKEN_NOTEBOOK, tmp_path / "broken.png")
    assert any("ZeroDivisionError" in text for text in run.errors), run.errors
    assert any("simulated" in text for text in run.stderr_tracebacks), run.stderr
    assert len(run.image_widths) == 1  # the chart before the error, none after it
    assert (tmp_path / "broken.png").stat().st_size > 0
