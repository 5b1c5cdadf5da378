"""``callwarden shaken``: a newcomer's end-to-end path, lab PKI -> sign -> verify."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from callwarden.cli import app

X5U = "https://certs.example.net/sp-chain.pem"
ORIG = "12155550100"
DEST = "12125551212"


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("cli") / "lab"
    result = CliRunner().invoke(app, ["shaken", "lab-pki", str(directory)])
    assert result.exit_code == 0, result.output
    assert "Verify: callwarden shaken verify" in result.output
    return directory


def _sign(pki: Path, *extra: str, key: Path | None = None) -> str:
    args = ["shaken", "sign", "--x5u", X5U, "--orig", ORIG, "--dest", DEST, *extra]
    if key is not None:
        args += ["--key", str(key)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    return result.output.strip()


def _verify(
    pki: Path, identity: str, *extra: str, chain: str = "sp-chain.pem"
) -> tuple[int, dict[str, object]]:
    result = CliRunner().invoke(
        app,
        [
            "shaken", "verify", "--identity", identity, "--from", ORIG, "--to", DEST,
            "--trust", str(pki / "trust"), "--cert", str(pki / chain),
            "--crl", str(pki / "sti-ca.crl.pem"), *extra,
        ],
    )  # fmt: skip
    return result.exit_code, json.loads(result.output)


def test_lab_pki_sign_verify_end_to_end(pki: Path, tmp_path: Path) -> None:
    identity = _sign(pki, "--attest", "A", "--origid-account", "acme", key=pki / "sp-key.pem")
    assert identity.endswith(f";info=<{X5U}>;alg=ES256;ppt=shaken")
    code, verdict = _verify(pki, identity)
    assert code == 0
    assert verdict["verstat"] == "TN-Validation-Passed"
    assert verdict["attest"] == "A"
    file = tmp_path / "identity.txt"
    file.write_text(identity + "\n")
    # The same token again is a replay only within one verifier; a new process is fresh.
    code, verdict = _verify(pki, f"@{file}")
    assert code == 0


def test_key_from_the_environment(pki: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CALLWARDEN_SHAKEN_KEY", (pki / "sp-key.pem").read_text())
    identity = _sign(pki, "--attest", "B", "--origid", "0f6c2b4e-1f4b-4c59-9a57-2e1c7e0f6a11")
    code, verdict = _verify(pki, identity)
    assert code == 0
    assert verdict["origid"] == "0f6c2b4e-1f4b-4c59-9a57-2e1c7e0f6a11"


def test_revoked_certificate_fails_with_its_code(pki: Path) -> None:
    identity = _sign(pki, key=pki / "revoked-sp-key.pem")
    code, verdict = _verify(pki, identity, chain="revoked-sp-chain.pem")
    assert code == 1
    assert verdict["code"] == "cert-revoked"
    assert verdict["sip_status"] == 437
    assert verdict["verstat"] == "TN-Validation-Failed"


def test_wrong_number_fails(pki: Path) -> None:
    identity = _sign(pki, key=pki / "sp-key.pem")
    result = CliRunner().invoke(
        app,
        [
            "shaken", "verify", "--identity", identity, "--from", "12155550199", "--to", DEST,
            "--trust", str(pki / "trust"), "--cert", str(pki / "sp-chain.pem"),
        ],
    )  # fmt: skip
    assert result.exit_code == 1
    assert json.loads(result.output)["code"] == "orig-mismatch"


def test_unreadable_key_is_a_clean_error(pki: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.pem"
    bad.write_text("not a key")
    result = CliRunner().invoke(
        app, ["shaken", "sign", "--x5u", X5U, "--orig", ORIG, "--dest", DEST, "--key", str(bad)]
    )
    assert result.exit_code == 2
    assert "key-invalid" in result.output
    assert str(bad) in result.output


def test_diverted_call_signed_and_verified(pki: Path) -> None:
    # ORIG calls DEST, whose provider forwards to FORWARDED and adds a div PASSporT (the
    # lab SP certificate has an SPC entry, so it may sign both).
    forwarded_to = "12125559999"
    original = _sign(pki, "--attest", "A", key=pki / "sp-key.pem")
    result = CliRunner().invoke(
        app,
        ["shaken", "sign", "--x5u", X5U, "--orig", ORIG, "--dest", forwarded_to,
         "--div", DEST, "--key", str(pki / "sp-key.pem")],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    div = result.output.strip()
    assert div.endswith(";ppt=div")
    code, verdict = _verify(pki, original, "--identity", div, "--request-uri", forwarded_to)
    assert code == 0, verdict
    assert verdict["attest"] == "A"
    assert verdict["diverted_from"] == [DEST]
    code, verdict = _verify(pki, div, "--identity", original)  # wrong order
    assert code == 1
    assert verdict["code"] == "ppt-unsupported"


@pytest.mark.parametrize("missing", ["identity", "trust", "cert", "crl"])
def test_missing_files_are_named_without_a_traceback(
    pki: Path, tmp_path: Path, missing: str
) -> None:
    identity = _sign(pki, key=pki / "sp-key.pem")
    absent = tmp_path / f"no-{missing}.pem"
    paths = {
        "identity": f"@{absent}" if missing == "identity" else identity,
        "trust": absent if missing == "trust" else pki / "trust",
        "cert": absent if missing == "cert" else pki / "sp-chain.pem",
        "crl": absent if missing == "crl" else pki / "sti-ca.crl.pem",
    }
    result = CliRunner().invoke(
        app,
        ["shaken", "verify", "--identity", str(paths["identity"]), "--from", ORIG,
         "--to", DEST, "--trust", str(paths["trust"]), "--cert", str(paths["cert"]),
         "--crl", str(paths["crl"])],
    )  # fmt: skip
    assert result.exit_code == 2, result.output
    # The name, not the whole path: the console may wrap a long line.
    assert absent.name in result.output
    assert "Traceback" not in result.output
