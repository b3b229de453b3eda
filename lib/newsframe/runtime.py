"""Process-level settings that make a build faster without changing what it makes."""

from __future__ import annotations

import gc
import importlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Pause Python's cycle collector for the block (restored after it, as it was).

    For steps that make many objects and no garbage cycles: importing the package and loading
    its lexicons and patterns (long-lived objects, which each automatic collection would walk
    again: ~0.15 s of a build's start-up), or the cross-references' millions of short-lived
    tuples, each collection of which would also walk every object the build holds.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class LazyModule:
    """A module imported when one of its attributes is first used: ``pd = LazyModule("pandas")``.

    A build's workers analyse articles with the standard library and the regex engine only;
    pandas and pyarrow (~0.35 s to import) are needed where the tables are made, in the main
    process. Imported lazily, they stay out of the start-up that every worker waits for, and
    out of the workers. Python's ``importlib.util.LazyLoader`` cannot do this: an ``import``
    statement of the module elsewhere reads its ``__spec__``, which loads it at once.
    """

    __slots__ = ("_name",)

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attribute: str) -> Any:
        return getattr(importlib.import_module(self._name), attribute)

    def __repr__(self) -> str:
        return f"<lazy module {self._name!r}>"


# pandas for every module that makes tables: ``from newsframe.runtime import pd``.
if TYPE_CHECKING:
    import pandas as pd
else:
    pd = LazyModule("pandas")
