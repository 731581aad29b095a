"""Askel: short psychosocial interventions in primary care."""

__version__ = "0.1.0"
