"""What the wikis said about a candidate, as the candidate table filters on it.

A module of its own with no imports: the Candidates screen is built before the window's
first frame, when neither SQLAlchemy nor the HTTP client may be loaded yet.
"""

from __future__ import annotations


class VerifyStatus:
    """The three states the candidate table filters on."""

    VERIFIED = "verified"
    NOT_VERIFIED = "not_verified"
    NOT_FOUND = "not_found"
