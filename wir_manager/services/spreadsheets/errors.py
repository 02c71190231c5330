"""Errors about a spreadsheet file as a whole (the per-cell problems are in reports)."""

from __future__ import annotations


class SpreadsheetError(ValueError):
    """The file cannot be used at all (not xlsx, encrypted, too large …); one sentence."""


class ImportRefusedError(SpreadsheetError):
    """The sheet has problems, so nothing was written."""
