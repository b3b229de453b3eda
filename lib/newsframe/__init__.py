"""newsframe: news articles into analysable tables of statements, events, frames and tone.

The modules read as the pipeline: ``ingest`` → ``boilerplate`` → ``sentences`` →
``statements`` / ``events`` (with ``actors`` and ``dates``) → ``framing`` / ``sentiment`` →
``build`` / ``tables`` → ``crossrefs`` / ``positions`` → ``charts`` / ``briefing``.
"""

from newsframe.runtime import no_cycle_collection

# Importing makes many long-lived objects (modules, patterns, word lists): no collection meanwhile.
with no_cycle_collection():
    from newsframe.crossrefs import cross_reference, discrepancies, title_conflicts
    from newsframe.events import timeline
    from newsframe.pipeline import prepare_article
    from newsframe.positions import positions
    from newsframe.tables import read_table

__all__ = [
    "cross_reference",
    "discrepancies",
    "positions",
    "prepare_article",
    "read_table",
    "timeline",
    "title_conflicts",
]
