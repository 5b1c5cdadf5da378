"""Interoperability with secsipidx (asipto's Go implementation, Debian package
``secsipidx``): what callwarden signs, secsipidx verifies, and the other way round."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from callwarden.shaken.certificates import TrustStore, load_crl
from callwarden.shaken.errors import ShakenErrorCode
from callwarden.shaken.lab_pki import LabPki, create_lab_pki
from callwarden.shaken.passport import Attestation
from callwarden.shaken.signer import Signer, SigningKey
from callwarden.shaken.verifier import StaticCertificates, Verifier, Verstat
from tests.conftest import require

from .conftest import DEST, ORIGID

pytestmark = pytest.mark.interop

SECSIPIDX = shutil.which("secsipidx") or "/usr/bin/secsipidx"
X5U = "https://certs.example.net/sp-chain.pem"
ORIG = "12155550123"  # inside the lab range 12155550100..199


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> LabPki:
    require(Path(SECSIPIDX).exists(), "secsipidx is not installed (scripts/ensure-system.sh)")
    directory = tmp_path_factory.mktemp("interop")
    pki = create_lab_pki(directory / "pki")
    leaf = pki.sp_chain.read_text().split("-----END CERTIFICATE-----")[0]
    (directory / "sp-leaf.pem").write_text(leaf + "-----END CERTIFICATE-----\n")
    revoked = pki.revoked_chain.read_text().split("-----END CERTIFICATE-----")[0]
    (directory / "revoked-leaf.pem").write_text(revoked + "-----END CERTIFICATE-----\n")
    return pki


def _secsipidx(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [SECSIPIDX, *args], capture_output=True, text=True, timeout=30, check=False
    )


def _check(
    pki: LabPki, identity: str, leaf: str = "sp-leaf.pem", *extra: str
) -> subprocess.CompletedProcess[str]:
    work = pki.directory.parent
    (work / "identity.txt").write_text(identity)
    return _secsipidx(
        "-check",
        "-fidentity",
        str(work / "identity.txt"),
        "-fpubkey",
        str(work / leaf),
        "-expire",
        "60",
        *extra,
    )


def _chain_args(pki: LabPki, root: Path | None = None) -> list[str]:
    # 1 time validity + 4 custom roots + 8 custom intermediates + 16 CRL
    return [
        "-cert-verify",
        "29",
        "-ca-file",
        str(root or pki.root),
        "-ca-inter",
        str(pki.ca),
        "-crl-file",
        str(pki.crl),
    ]


def _callwarden_identity(pki: LabPki, key: Path | None = None) -> str:
    signer = Signer(SigningKey.from_file(key or pki.sp_key), X5U)
    return signer.identity(ORIG, [DEST], Attestation.A, ORIGID)


def test_callwarden_signed_identity_verifies_in_secsipidx(pki: LabPki) -> None:
    result = _check(pki, _callwarden_identity(pki), "sp-leaf.pem", *_chain_args(pki))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("ok")


def test_secsipidx_refuses_tampered_callwarden_identity(pki: LabPki) -> None:
    identity = _callwarden_identity(pki)
    token, rest = identity.split(";", 1)
    head, payload, sig = token.split(".")
    sig = sig[:5] + ("B" if sig[5] == "A" else "A") + sig[6:]
    result = _check(pki, f"{head}.{payload}.{sig};{rest}")
    assert result.returncode != 0
    assert "not-ok" in result.stdout


def test_secsipidx_agrees_on_wrong_root_and_revocation(pki: LabPki, tmp_path: Path) -> None:
    from callwarden.shaken.lab_pki import make_root, pem

    other = tmp_path / "other-root.pem"
    other.write_bytes(pem(make_root(now=datetime.now(UTC)).certificate))
    wrong_root = _check(pki, _callwarden_identity(pki), "sp-leaf.pem", *_chain_args(pki, other))
    assert wrong_root.returncode != 0
    revoked = _check(
        pki, _callwarden_identity(pki, pki.revoked_key), "revoked-leaf.pem", *_chain_args(pki)
    )
    assert revoked.returncode != 0
    assert "revoked" in revoked.stdout


def _callwarden_verifier(pki: LabPki) -> Verifier:
    return Verifier(
        TrustStore.from_paths([pki.trust_dir]),
        StaticCertificates({X5U: pki.sp_chain.read_bytes()}),
        static_crls=[load_crl(pki.crl.read_bytes())],
    )


def test_secsipidx_signed_identity_verifies_in_callwarden(pki: LabPki) -> None:
    result = _secsipidx(
        "-sign-full",
        "-orig-tn",
        ORIG,
        "-dest-tn",
        DEST,
        "-attest",
        "B",
        "-orig-id",
        ORIGID,
        "-x5u",
        X5U,
        "-k",
        str(pki.sp_key),
    )
    assert result.returncode == 0, result.stderr
    identity = result.stdout.strip()
    verdict = _callwarden_verifier(pki).verify(identity, from_tn=f"+{ORIG}", to_tn=DEST)
    assert verdict.verstat is Verstat.PASSED, verdict.message
    assert verdict.passport is not None
    assert verdict.passport.attest is Attestation.B
    assert verdict.passport.origid == ORIGID


def test_stale_secsipidx_token_is_refused_by_callwarden(pki: LabPki) -> None:
    # secsipidx signs a given header and payload as they are (-sign -header -payload).
    old = int(datetime.now(UTC).timestamp()) - 3600
    header = f'{{"alg":"ES256","ppt":"shaken","typ":"passport","x5u":"{X5U}"}}'
    payload = (
        f'{{"attest":"A","dest":{{"tn":["{DEST}"]}},"iat":{old},'
        f'"orig":{{"tn":"{ORIG}"}},"origid":"{ORIGID}"}}'
    )
    result = _secsipidx("-sign", "-header", header, "-payload", payload, "-k", str(pki.sp_key))
    assert result.returncode == 0, result.stderr
    identity = f"{result.stdout.strip()};info=<{X5U}>;alg=ES256;ppt=shaken"
    verdict = _callwarden_verifier(pki).verify(identity, from_tn=ORIG, to_tn=DEST)
    assert verdict.code is ShakenErrorCode.IAT_STALE, verdict.message
    assert verdict.sip_status == 403


def test_secsipidx_token_with_empty_origid_is_refused(pki: LabPki) -> None:
    # secsipidx -sign without -orig-id signs origid "": RFC 8588 section 6 needs a value.
    result = _secsipidx(
        "-sign", "-orig-tn", ORIG, "-dest-tn", DEST, "-attest", "A", "-x5u", X5U,
        "-k", str(pki.sp_key),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    identity = f"{result.stdout.strip()};info=<{X5U}>;alg=ES256;ppt=shaken"
    verdict = _callwarden_verifier(pki).verify(identity, from_tn=ORIG, to_tn=DEST)
    assert verdict.code is ShakenErrorCode.CLAIM_INVALID, verdict.message
    assert "origid" in verdict.message
