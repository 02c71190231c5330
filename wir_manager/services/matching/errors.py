"""Errors the matching service raises, each one plain sentence a coordinator understands."""

from __future__ import annotations


class MatchingError(ValueError):
    """Base class: the request or the input cannot be matched as asked; nothing was changed."""


class UnknownRequestError(MatchingError):
    """The request id does not exist in this database."""


class WeightsError(MatchingError):
    """The weights given are unusable (unknown part, negative, or all zero)."""


class ShortlistError(MatchingError):
    """A shortlist change cannot be made (not eligible, not on the list, wrong status)."""


class PoolReadError(MatchingError):
    """Stored candidate data could not be read into the pool (a damaged value)."""
