"""Plain, immutable records handed from services to the CLI and the Qt layer.

They carry data only; no ORM session or lazy loading hides behind them, so they are
safe to keep in a table model or pass between threads.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class LanguageSkill:
    code: str
    level: int  # LanguageLevel value


@dataclass(frozen=True, slots=True)
class PlatformSkill:
    platform: str  # Platform value
    level: int


@dataclass(frozen=True, slots=True)
class CandidateSummary:
    id: int
    name: str
    username: str
    email: str | None
    country: str | None
    region: str | None
    affiliate: str | None
    stage: str
    languages: tuple[LanguageSkill, ...] = ()
    skills: tuple[PlatformSkill, ...] = ()
    topics: tuple[str, ...] = ()
    #: Date of the current wiki snapshot (None: never verified, or verified under a
    #: username the candidate no longer has), and the global edit count it found.
    verified: dt.date | None = None
    verified_edit_count: int | None = None

    def to_json(self) -> dict[str, Any]:
        from wir_manager.domain.enums import LanguageLevel

        data = asdict(self)
        data["languages"] = [
            {"code": lang.code, "level": LanguageLevel(lang.level).label} for lang in self.languages
        ]
        data["skills"] = [{"platform": s.platform, "level": s.level} for s in self.skills]
        data["topics"] = list(self.topics)
        data["verified"] = self.verified.isoformat() if self.verified else None
        return data
