"""WiR Manager: run a Wikimedian-in-Residence programme for intergovernmental organisations."""

__version__ = "0.1.0"
