"""The scriptable face of WiR Manager (``wir-manager``)."""
