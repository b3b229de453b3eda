"""Re-run the notebook collection in place, optionally on another corpus.

Each notebook has a cell tagged ``parameters`` (papermill's convention). When parameters are
given, a cell tagged ``injected-parameters`` is put right after it, as papermill does; without
them the notebook runs as committed. Execution records no timings, so re-running on the same
inputs leaves the file unchanged apart from what the code prints.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

import nbformat
from nbclient import NotebookClient

INJECTED_TAG = "injected-parameters"


def run_notebook(
    path: Path, parameters: Mapping[str, object] | None = None, *, timeout: int = 600
) -> None:
    """Execute ``path`` top to bottom in its own folder and save the outputs into it."""
    notebook = nbformat.read(path, as_version=4)
    notebook.cells = [
        cell for cell in notebook.cells if INJECTED_TAG not in cell.metadata.get("tags", [])
    ]
    if parameters:
        position = next(
            (
                i + 1
                for i, cell in enumerate(notebook.cells)
                if "parameters" in cell.metadata.get("tags", [])
            ),
            0,
        )
        source = "# Injected by `python -m newsframe notebooks`\n" + "\n".join(
            f"{name} = {value!r}" for name, value in parameters.items()
        )
        cell = nbformat.v4.new_code_cell(source, metadata={"tags": [INJECTED_TAG]})
        cell.pop("id", None)
        notebook.cells.insert(position, cell)
    client = NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    nbformat.write(notebook, path)


def run_notebooks(paths: Iterable[Path], parameters: Mapping[str, object] | None = None) -> None:
    for path in paths:
        print(f"newsframe: running {path}")
        run_notebook(Path(path), parameters)
