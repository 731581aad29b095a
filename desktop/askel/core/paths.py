"""Where Askel finds its shipped resources (content, policy schema) in a checkout and in a bundle."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs


def resources_dir() -> Path:
    """The top-level `resources/` folder: beside the package in a checkout, inside the bundle when frozen."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[3] / "resources"


def licenses_dir() -> Path | None:
    """The licence texts of Askel and every component it bundles: in the bundle only (the build collects them
    with installers/collect_licenses.py); None when running from a checkout."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root and (Path(frozen_root) / "licenses").is_dir():
        return Path(frozen_root) / "licenses"
    return None


APP_NAME = "Askel"


def default_data_dir() -> Path:
    """The vault's folder: ASKEL_DATA_DIR when set (tests, demos, training), else the platform's data folder."""
    override = os.environ.get("ASKEL_DATA_DIR")
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    override = os.environ.get("ASKEL_CONFIG_DIR")
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    override = os.environ.get("ASKEL_LOG_DIR")
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
