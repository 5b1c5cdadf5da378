"""The detector thresholds file: TOML, one ``name = value`` per threshold to change
(docs/formats.md section 8). A network's own traffic sets what is ordinary: a carrier
whose customers run large notification platforms raises ``high_volume_calls``, a
compliance team with a stricter reading of consent lowers ``no_consent_share``."""

from __future__ import annotations

import tomllib
from pathlib import Path

from callwarden.errors import InputError
from callwarden.traffic.detectors import DEFAULT_THRESHOLDS, Thresholds, thresholds_with


def read_thresholds(path: Path, base: Thresholds = DEFAULT_THRESHOLDS) -> Thresholds:
    """``base`` with the thresholds ``path`` sets. A file that cannot be read, is not
    TOML, or names a threshold that does not exist or a value out of its range is an
    :class:`InputError` naming the file and every bad entry: a run never goes on with
    thresholds other than those asked for."""
    source = str(path)
    try:
        document = tomllib.loads(path.read_bytes().decode("utf-8"))
    except OSError as error:
        raise InputError(
            f"cannot read the thresholds file ({error.strerror})", source=source
        ) from None
    except UnicodeDecodeError as error:
        raise InputError(f"not UTF-8 text (byte {error.start})", source=source) from None
    except tomllib.TOMLDecodeError as error:
        raise InputError(f"not TOML: {error}", source=source) from None
    try:
        return thresholds_with(document, base)
    except ValueError as error:
        raise InputError(str(error), source=source) from None
