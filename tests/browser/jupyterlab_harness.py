"""The JupyterLab server, the notebooks it serves and the Chromium settings of the browser test.

Plain functions and constants, imported by ``conftest.py`` (fixtures) and ``test_jupyterlab.py``
(a module of its own, because a second ``conftest`` module name would clash with
``tests/conftest.py``).
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import nbformat

from newsframe import config

ENABLE_VARIABLE = "NEWSFRAME_BROWSER_TESTS"
CHROMIUM_PATH = Path(os.environ.get("NEWSFRAME_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SERVER_START_TIMEOUT_S = 90
# Written when the repository has no notebook yet, so the harness still proves itself.
SELF_CHECK_NOTEBOOK = "00-harness-self-check.ipynb"
SELF_CHECK_FIGURES = 2

# Settings a person would click away: news and update prompts would cover the notebook, and
# windowing would leave off-screen cells (and their charts) out of the page.
LAB_USER_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}


def repository_notebooks() -> list[Path]:
    """The notebooks the browser test opens, one test each (sorted, checkpoints excluded)."""
    return sorted(config.NOTEBOOKS_DIR.glob("*.ipynb"))


def self_check_notebook() -> nbformat.NotebookNode:
    """A small notebook that draws two charts with the house style, as the real ones will."""
    cells = [
        nbformat.v4.new_markdown_cell("# Does the browser harness see rendered charts?"),
        nbformat.v4.new_code_cell(
            "%matplotlib inline\n"
            "import pandas as pd\n"
            "from newsframe import charts\n"
            "data = pd.DataFrame({'outlet': ['JNS', 'Al-Monitor'], 'rift': [3, 1]})"
        ),
        nbformat.v4.new_code_cell(
            "fig, ax = charts.new_figure('slide')\n"
            "ax.barh(data['outlet'], data['rift'], color=['#D55E00', '#E69F00'])\n"
            "charts.finish(fig, title='Rift cues by outlet', subtitle='Harness self-check',\n"
            "              source='Source: made-up numbers')"
        ),
        nbformat.v4.new_code_cell(
            "fig, ax = charts.new_figure('document')\n"
            "ax.plot([1, 2, 3], [2, 1, 3], marker='o')\n"
            "charts.finish(fig, title='A line chart', source='Source: made-up numbers')"
        ),
        nbformat.v4.new_code_cell("print('rows:', len(data))"),
    ]
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
    }
    notebook.metadata["newsframe"] = {"expected_figures": SELF_CHECK_FIGURES}
    return notebook


BROKEN_NOTEBOOK = "00-harness-must-fail.ipynb"


def broken_notebook() -> nbformat.NotebookNode:
    """A notebook with one chart, a traceback on stderr, then a cell that raises."""
    notebook = self_check_notebook()
    notebook.cells = [
        notebook.cells[0],
        notebook.cells[1],
        notebook.cells[3],
        nbformat.v4.new_code_cell(
            "import sys\nprint('Traceback (most recent call last): simulated', file=sys.stderr)"
        ),
        nbformat.v4.new_code_cell("1 / 0"),
        nbformat.v4.new_code_cell("fig, ax = charts.new_figure()  # never runs"),
    ]
    return notebook


def expected_figures(notebook: nbformat.NotebookNode) -> int:
    """Charts a notebook must show: its metadata says, or the images in its committed outputs.

    A notebook committed without outputs (never run, or stripped) gives no count to check, so
    it is an error rather than a silent "0 charts expected".
    """
    declared = notebook.metadata.get("newsframe", {}).get("expected_figures")
    if declared is not None:
        return int(declared)
    code_cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
    if code_cells and all(cell.get("execution_count") is None for cell in code_cells):
        raise ValueError(
            "the notebook is committed without outputs, so the number of charts it should show "
            "is unknown: re-run it in place (make notebooks) or set metadata "
            '{"newsframe": {"expected_figures": N}}'
        )
    return sum(
        1
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
        if {"image/png", "image/svg+xml"} & set(output.get("data", {}))
    )


def cleared_copy(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The notebook without outputs or execution counts: what the page shows is this run's."""
    copy = nbformat.from_dict(json.loads(json.dumps(notebook)))
    for cell in copy.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    # Without a kernelspec JupyterLab asks which kernel to use; the project has one.
    copy.metadata.setdefault("kernelspec", self_check_notebook().metadata["kernelspec"])
    return copy


@dataclass(frozen=True)
class LabServer:
    base_url: str
    token: str
    root: Path  # the temporary project root; notebooks are in root / "notebooks"
    log_path: Path

    def notebook_url(self, name: str) -> str:
        # "reset": start from an empty workspace, not with the previous test's tabs open.
        return f"{self.base_url}/lab/tree/{name}?reset&token={self.token}"

    def log_tail(self, lines: int = 40) -> str:
        text = self.log_path.read_text(encoding="utf-8", errors="replace")
        return "\n".join(text.splitlines()[-lines:])


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _copy_project(root: Path) -> list[str]:
    """Copy notebooks/, data/ and seeds/ under root; returns the notebook file names."""
    ignore = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__")
    for folder in ("data", "seeds"):
        source = config.ROOT / folder
        if source.is_dir():
            shutil.copytree(source, root / folder, ignore=ignore)
    (root / "exports").mkdir()
    notebooks_dir = root / "notebooks"
    sources = repository_notebooks()
    if config.NOTEBOOKS_DIR.is_dir():
        shutil.copytree(config.NOTEBOOKS_DIR, notebooks_dir, ignore=ignore)
    notebooks_dir.mkdir(exist_ok=True)
    if not sources:
        nbformat.write(self_check_notebook(), notebooks_dir / SELF_CHECK_NOTEBOOK)
        return [SELF_CHECK_NOTEBOOK]
    for source in sources:
        notebook = nbformat.read(source, as_version=4)
        nbformat.write(cleared_copy(notebook), notebooks_dir / source.name)
    return [source.name for source in sources]


def _write_lab_settings(settings_dir: Path) -> None:
    for relative, values in LAB_USER_SETTINGS.items():
        path = settings_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")


def _wait_until_ready(process: subprocess.Popen[bytes], status_url: str, log_path: Path) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"jupyter lab exited early:\n{log_path.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(status_url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    raise RuntimeError(
        f"jupyter lab not ready in {SERVER_START_TIMEOUT_S}s:\n{log_path.read_text()[-3000:]}"
    )


def _stop(process: subprocess.Popen[bytes], shutdown_url: str) -> None:
    # The API shutdown stops the kernels too; signals are the fallback for a hung server.
    try:
        request = urllib.request.Request(shutdown_url, method="POST")
        urllib.request.urlopen(request, timeout=5).close()
        process.wait(timeout=20)
        return
    except (urllib.error.URLError, ConnectionError, TimeoutError, subprocess.TimeoutExpired):
        pass
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


@contextmanager
def running_lab_server(base: Path) -> Iterator[LabServer]:
    """Start JupyterLab on a copy of the project under ``base``; stop it (and its kernels) after."""
    root = base / "project"
    root.mkdir()
    _copy_project(root)
    home = base / "jupyter"
    settings_dir = home / "user-settings"
    _write_lab_settings(settings_dir)

    port = _free_port()
    token = secrets.token_hex(24)
    env = {
        **os.environ,
        "NEWSFRAME_ROOT": str(root),
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(settings_dir),
        "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
        "IPYTHONDIR": str(home / "ipython"),
        "MPLCONFIGDIR": str(home / "matplotlib"),
    }
    # An Agg backend forced from outside would remove the inline figures the test looks for.
    env.pop("MPLBACKEND", None)
    command = [
        sys.executable,
        "-m",
        "jupyter",
        "lab",
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root / 'notebooks'}",
        f"--LabApp.user_settings_dir={settings_dir}",
        f"--LabApp.workspaces_dir={home / 'workspaces'}",
        "--LabApp.news_url=",
        "--LabApp.extension_manager=readonly",
        "--LabApp.expose_app_in_browser=True",
        "--ServerApp.terminals_enabled=False",
    ]
    if os.geteuid() == 0:
        command.append("--allow-root")  # CI and these machines run as root
    log_path = base / "jupyter-lab.log"
    base_url = f"http://127.0.0.1:{port}"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            command,
            cwd=root,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    try:
        _wait_until_ready(process, f"{base_url}/api/status?token={token}", log_path)
        yield LabServer(base_url=base_url, token=token, root=root, log_path=log_path)
    finally:
        _stop(process, f"{base_url}/api/shutdown?token={token}")
