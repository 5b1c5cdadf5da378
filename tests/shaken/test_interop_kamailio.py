"""Interoperability over real SIP: Kamailio with its secsipid module (libsecsipid, Debian
``kamailio-secsipid-modules``) verifies what callwarden signs and signs what callwarden
verifies; SIPp (Debian ``sip-tester``) carries the INVITEs."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from callwarden.shaken.certificates import TrustStore, load_crl
from callwarden.shaken.lab_pki import create_lab_pki
from callwarden.shaken.passport import Attestation
from callwarden.shaken.signer import Signer, SigningKey
from callwarden.shaken.verifier import StaticCertificates, Verifier, Verstat
from tests.conftest import require

pytestmark = pytest.mark.interop

KAMAILIO = shutil.which("kamailio") or "/usr/sbin/kamailio"
SIPP = shutil.which("sipp") or "/usr/bin/sipp"
MODULES = Path("/usr/lib/x86_64-linux-gnu/kamailio/modules")
X5U = "https://certs.example.net/sp-chain.pem"
ORIG = "12155550100"
DEST = "12125551212"
ORIGID = "123e4567-e89b-12d3-a456-426655440000"
VERIFIED = 499  # the test proxy's reply when secsipid_check_identity() succeeds

KAMAILIO_CFG = """#!KAMAILIO
debug=2
log_stderror=yes
fork=yes
children=1
auto_aliases=no
listen=udp:127.0.0.1:{port}
mpath="{modules}/"
loadmodule "sl.so"
loadmodule "pv.so"
loadmodule "textops.so"
loadmodule "xlog.so"
loadmodule "secsipid.so"
modparam("secsipid", "expire", 60)

request_route {{
    if (is_method("ACK")) {{ exit; }}
    if (!is_method("INVITE")) {{ sl_send_reply("405", "Method Not Allowed"); exit; }}
    if ($hdr(X-Test) == "sign") {{
        if (secsipid_build_identity("$fU", "$rU", "A", "{origid}", "{x5u}", "{key}")) {{
            append_to_reply("Identity: $secsipid(val)\\r\\n");
            sl_send_reply("302", "Signed");
        }} else {{
            sl_send_reply("500", "Signing Failed");
        }}
        exit;
    }}
    if (!is_present_hf("Identity")) {{ sl_send_reply("428", "Use Identity Header"); exit; }}
    if (secsipid_check_identity("{leaf}")) {{
        sl_send_reply("{verified}", "Identity Verified");
    }} else {{
        sl_send_reply("438", "Invalid Identity Header");
    }}
    exit;
}}
"""

SCENARIO = """<?xml version="1.0" encoding="ISO-8859-1" ?>
<scenario name="callwarden shaken interop">
  <send>
    <![CDATA[
INVITE sip:{dest}@[remote_ip]:[remote_port] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
From: <sip:{orig}@[local_ip]>;tag=[call_number]
To: <sip:{dest}@[remote_ip]>
Call-ID: [call_id]
CSeq: 1 INVITE
Contact: <sip:{orig}@[local_ip]:[local_port]>
Max-Forwards: 70
{extra_header}
Content-Length: 0

    ]]>
  </send>
  <recv response="{expect}">
    <action>
      <ereg regexp="[^\\r\\n]+" search_in="hdr" header="Identity:" assign_to="identity"/>
      <log message="IDENTITY=[$identity]"/>
    </action>
  </recv>
  <send>
    <![CDATA[
ACK sip:{dest}@[remote_ip]:[remote_port] SIP/2.0
[last_Via:]
From: <sip:{orig}@[local_ip]>;tag=[call_number]
[last_To:]
Call-ID: [call_id]
CSeq: 1 ACK
Max-Forwards: 70
Content-Length: 0

    ]]>
  </send>
</scenario>
"""


def _free_udp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass(frozen=True)
class Proxy:
    port: int
    directory: Path
    sp_key: Path
    sp_chain: Path
    trust_dir: Path
    crl: Path


@pytest.fixture(scope="module")
def proxy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Proxy]:
    require(Path(KAMAILIO).exists(), "kamailio is not installed (scripts/ensure-system.sh)")
    require((MODULES / "secsipid.so").exists(), "kamailio-secsipid-modules is not installed")
    require(Path(SIPP).exists(), "sipp (sip-tester) is not installed")
    directory = tmp_path_factory.mktemp("kamailio")
    pki = create_lab_pki(directory / "pki")
    leaf = directory / "leaf.pem"
    leaf.write_text(pki.sp_chain.read_text().split("-----END CERTIFICATE-----")[0])
    with leaf.open("a") as handle:
        handle.write("-----END CERTIFICATE-----\n")
    port = _free_udp_port()
    config = directory / "kamailio.cfg"
    config.write_text(
        KAMAILIO_CFG.format(
            port=port,
            modules=MODULES,
            origid=ORIGID,
            x5u=X5U,
            key=pki.sp_key,
            leaf=leaf,
            verified=VERIFIED,
        )
    )
    log = (directory / "kamailio.log").open("w")
    process = subprocess.Popen(
        [KAMAILIO, "-f", str(config), "-DD", "-E", "-Y", str(directory),
         "-P", str(directory / "kamailio.pid"), "-w", str(directory)],
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 10
        while "child_init" not in (directory / "kamailio.log").read_text():
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"kamailio did not start: {(directory / 'kamailio.log').read_text()}")
            time.sleep(0.1)
        time.sleep(0.3)
        yield Proxy(port, directory, pki.sp_key, pki.sp_chain, pki.trust_dir, pki.crl)
    finally:
        # Kamailio forks workers into its own session: end that group, and only it.
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
        log.close()


def _call(proxy: Proxy, name: str, *, extra_header: str, expect: int) -> tuple[int, str]:
    """One INVITE through SIPp; returns SIPp's exit status and the Identity it saw."""
    scenario = proxy.directory / f"{name}.xml"
    scenario.write_text(
        SCENARIO.format(orig=ORIG, dest=DEST, extra_header=extra_header, expect=expect)
    )
    log = proxy.directory / f"{name}.log"
    result = subprocess.run(
        [SIPP, f"127.0.0.1:{proxy.port}", "-sf", str(scenario), "-m", "1",
         "-i", "127.0.0.1", "-p", str(_free_udp_port()), "-timeout", "10",
         "-timeout_error", "-nostdin", "-trace_logs", "-log_file", str(log)],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )  # fmt: skip
    identity = ""
    if log.exists():
        for line in log.read_text().splitlines():
            if line.startswith("IDENTITY="):
                identity = line.removeprefix("IDENTITY=").strip()
    return result.returncode, identity


def _signed(proxy: Proxy, *, iat: int | None = None) -> str:
    signer = Signer(SigningKey.from_file(proxy.sp_key), X5U)
    return signer.identity(ORIG, [DEST], Attestation.A, ORIGID, iat=iat)


def test_kamailio_verifies_callwarden_identity(proxy: Proxy) -> None:
    status, _ = _call(proxy, "good", extra_header=f"Identity: {_signed(proxy)}", expect=VERIFIED)
    assert status == 0


def test_kamailio_refuses_tampered_and_stale_callwarden_identity(proxy: Proxy) -> None:
    token, rest = _signed(proxy).split(";", 1)
    head, payload, sig = token.split(".")
    sig = sig[:7] + ("B" if sig[7] == "A" else "A") + sig[8:]
    status, _ = _call(
        proxy, "tampered", extra_header=f"Identity: {head}.{payload}.{sig};{rest}", expect=438
    )
    assert status == 0
    stale = _signed(proxy, iat=int(time.time()) - 3600)
    status, _ = _call(proxy, "stale", extra_header=f"Identity: {stale}", expect=438)
    assert status == 0


def test_kamailio_asks_for_an_identity(proxy: Proxy) -> None:
    status, _ = _call(proxy, "missing", extra_header="X-Nothing: here", expect=428)
    assert status == 0


def test_callwarden_verifies_kamailio_signed_identity(proxy: Proxy) -> None:
    status, identity = _call(proxy, "sign", extra_header="X-Test: sign", expect=302)
    assert status == 0
    assert identity, "SIPp saw no Identity header in the 302"
    verifier = Verifier(
        TrustStore.from_paths([proxy.trust_dir]),
        StaticCertificates({X5U: proxy.sp_chain.read_bytes()}),
        static_crls=[load_crl(proxy.crl.read_bytes())],
    )
    verdict = verifier.verify(identity, from_tn=f"sip:{ORIG}@127.0.0.1", to_tn=DEST)
    assert verdict.verstat is Verstat.PASSED, verdict.message
    assert verdict.passport is not None
    assert verdict.passport.origid == ORIGID
    assert verdict.passport.attest is Attestation.A
