"""Options several `audit` commands share, declared once so their names and help never drift apart."""
from __future__ import annotations

from typing import Annotated, Optional

import typer

GlossaryOption = Annotated[
    Optional[list[str]],
    typer.Option("--glossary", "-g", help="Glossary file (.toml or .csv) or bundled glossary name (`audit glossaries`); "
                 "repeatable. Default: the configuration's, else the bundled one."),
]
ExtendGlossaryOption = Annotated[
    Optional[list[str]],
    typer.Option("--extend-glossary", "-G", help="Glossary added to the bundled one (or to --glossary) instead of "
                 "replacing it; repeatable."),
]
