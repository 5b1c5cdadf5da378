"""The detector thresholds file (formats.md section 8)."""

from __future__ import annotations

from pathlib import Path

import pytest

from callwarden.errors import InputError
from callwarden.formats import read_thresholds
from callwarden.traffic.detectors import DEFAULT_THRESHOLDS


def test_named_thresholds_change_and_the_rest_keep_their_defaults(tmp_path: Path) -> None:
    path = tmp_path / "thresholds.toml"
    path.write_text(
        "# a carrier with large notification platforms among its customers\n"
        "high_volume_calls = 100_000\n"
        "no_consent_share = 0.3  # compliance asks for more than a fifth\n"
    )
    thresholds = read_thresholds(path)
    assert thresholds.high_volume_calls == 100_000
    assert thresholds.no_consent_share == 0.3
    assert thresholds.low_asr == DEFAULT_THRESHOLDS.low_asr
    empty = tmp_path / "empty.toml"
    empty.write_text("")
    assert read_thresholds(empty) == DEFAULT_THRESHOLDS


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"min_calls = = 3\n", "not TOML: Invalid value (at line 1, column 13)"),
        (b"no_consent_shares = 0.3\n", "no_consent_shares: no such threshold (did you mean"),
        (b"[thresholds]\nmin_calls = 3\n", "thresholds: no such threshold"),
        (b"low_asr = 1.5\nmin_calls = 'ten'\n", "low_asr: 1.5 is a share, at most 1; min_calls"),
        (b"min_calls = 3\xff\n", "not UTF-8 text (byte 13)"),
    ],
)
def test_a_bad_file_is_refused_with_its_name_and_what_is_wrong(
    tmp_path: Path, content: bytes, expected: str
) -> None:
    path = tmp_path / "thresholds.toml"
    path.write_bytes(content)
    with pytest.raises(InputError) as raised:
        read_thresholds(path)
    assert str(raised.value).startswith(f"{path}: ")
    assert expected in str(raised.value)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nowhere\.toml: cannot read the thresholds file"):
        read_thresholds(tmp_path / "nowhere.toml")
