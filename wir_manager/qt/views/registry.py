"""The screens of the main window's sidebar, in order.

Each entry names a module and a QWidget subclass taking ``(ctx: AppContext, parent)``.
Screens are imported and built the first time they are shown, which keeps start-up fast
and lets each screen live in its own module.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Screen:
    key: str
    title: str  # English source text; the main window translates it (context "Screens")
    module: str
    cls: str
    icon: str  # file name in resources/icons/


SCREENS: tuple[Screen, ...] = (
    Screen("today", "Today", "wir_manager.qt.views.today", "TodayView", "today.svg"),
    Screen(
        "candidates",
        "Candidates",
        "wir_manager.qt.views.candidates",
        "CandidatesView",
        "candidates.svg",
    ),
    Screen(
        "requests",
        "Placement requests",
        "wir_manager.qt.views.requests",
        "RequestsView",
        "requests.svg",
    ),
    Screen("training", "Training", "wir_manager.qt.views.training", "TrainingView", "training.svg"),
    Screen(
        "shortlists",
        "Shortlists",
        "wir_manager.qt.views.shortlists",
        "ShortlistsView",
        "shortlists.svg",
    ),
    Screen(
        "placements",
        "Placements",
        "wir_manager.qt.views.placements",
        "PlacementsView",
        "placements.svg",
    ),
    Screen(
        "privacy", "Privacy & audit", "wir_manager.qt.views.privacy", "PrivacyView", "privacy.svg"
    ),
)
