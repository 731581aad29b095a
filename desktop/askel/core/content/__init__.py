"""Clinical content: instrument and protocol definitions, the scoring engine, outcome rules, the therapy
guarantee and signed content packs. Pure Python: no Qt, no database.

Modules: `models` (pydantic schemas), `parsing` (YAML dialect, readable errors), `library` (loading shipped content
and packs), `scoring`, `outcomes`, `guarantee`, `packs`.
"""
