"""STIR/SHAKEN: full Identity headers signed and verified per second on one core.

Printed beside, from the same run and the same core:
- ``openssl speed -seconds 3 ecdsap256``: the raw ECDSA P-256 limit of this machine;
- secsipidx (asipto's Go implementation) through its HTTP API, driven by curl over
  keep-alive connections from the other core, with GOMAXPROCS=1; its rate includes HTTP
  and the per-request log line it writes, so the HTTP floor (a static file from the same
  server) is printed too.

"Per core" means per CPU-second: ``openssl speed`` counts user CPU time unless given
``-elapsed``, and on a shared 2-core machine wall-clock rates mostly measure the
neighbours. So callwarden's rates are operations per CPU-second of this process
(time.process_time) and secsipidx's are requests per CPU-second of its server process
(/proc/PID/stat); wall-clock rates are printed as well.

Targets (docs/shaken.md): >= 15,000 signs/s and >= 7,000 verifies/s per core.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from callwarden.shaken.certificates import TrustStore, load_crl
from callwarden.shaken.lab_pki import LabPki, create_lab_pki
from callwarden.shaken.passport import Attestation
from callwarden.shaken.signer import Signer, SigningKey
from callwarden.shaken.verifier import StaticCertificates, Verifier

X5U = "https://certs.example.net/sp-chain.pem"
ORIG = "12155550123"
DEST = "12125551212"
ORIGID = "88be4ffe-2934-5ccd-8158-0ce68872c8b3"
SIGN_TARGET = 15_000
VERIFY_TARGET = 7_000


@contextmanager
def one_core(core: int = 0) -> Iterator[None]:
    """Pin this process to one core for the duration (the targets are per core)."""
    before = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {core})
    try:
        yield
    finally:
        os.sched_setaffinity(0, before)


def openssl_speed(seconds: int) -> tuple[float, float] | None:
    openssl = shutil.which("openssl")
    if openssl is None:
        return None
    result = subprocess.run(
        ["taskset", "-c", "0", openssl, "speed", "-seconds", str(seconds), "ecdsap256"],
        capture_output=True,
        text=True,
        check=False,
    )
    match = re.search(r"nistp256\)\s+\S+s\s+\S+s\s+([\d.]+)\s+([\d.]+)", result.stdout)
    return (float(match.group(1)), float(match.group(2))) if match else None


@dataclass(frozen=True)
class Rate:
    per_cpu_second: float
    per_wall_second: float


def rate(work: Callable[[int], int], seconds: float, batch: int = 1000) -> Rate:
    """Operations per CPU-second and per wall-second of ``work(batch)`` repeated for
    about ``seconds`` of CPU time."""
    done = 0
    cpu0, wall0 = time.process_time(), time.perf_counter()
    while (cpu := time.process_time() - cpu0) < seconds:
        done += work(batch)
    return Rate(done / cpu, done / (time.perf_counter() - wall0))


def callwarden_rates(pki: LabPki, seconds: float) -> tuple[Rate, Rate, int, int]:
    signer = Signer(SigningKey.from_file(pki.sp_key), X5U)

    def sign(batch: int) -> int:
        identity = signer.identity
        for _ in range(batch):
            identity(ORIG, [DEST], Attestation.A, ORIGID)
        return batch

    with one_core():
        signs = rate(sign, seconds)
    # Every verification gets a distinct token (a repeated one is a replay and fails).
    tokens = [
        signer.identity(ORIG, [DEST], Attestation.A, ORIGID)
        for _ in range(int(max(VERIFY_TARGET, 12_000) * seconds))
    ]
    verifier = Verifier(
        TrustStore.from_paths([pki.trust_dir]),
        StaticCertificates({X5U: pki.sp_chain.read_bytes()}),
        static_crls=[load_crl(pki.crl.read_bytes())],
    )
    verifier.credential(X5U)  # the first call validates the chain; measure steady state
    passed = 0
    with one_core():
        cpu0, wall0 = time.process_time(), time.perf_counter()
        for token in tokens:
            passed += verifier.verify(token, from_tn=ORIG, to_tn=DEST).passed
        verifies = Rate(
            len(tokens) / (time.process_time() - cpu0),
            len(tokens) / (time.perf_counter() - wall0),
        )
    return signs, verifies, passed, len(tokens)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (proc(5): fields 14 and 15, in clock ticks)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _curl_rate(config: Path, requests: int, server_pid: int) -> Rate:
    cpu0, wall0 = _cpu_seconds(server_pid), time.perf_counter()
    subprocess.run(
        ["taskset", "-c", "0", "curl", "-s", "-Z", "--parallel-max", "8", "-K", str(config)],
        check=True,
        capture_output=True,
    )
    wall = time.perf_counter() - wall0
    cpu = max(_cpu_seconds(server_pid) - cpu0, 1e-9)
    return Rate(requests / cpu, requests / wall)


def secsipidx_rates(pki: LabPki, work: Path, requests: int) -> tuple[Rate, Rate, Rate] | None:
    """(signs/s, verifies/s, static-file requests/s) through secsipidx's HTTP API."""
    secsipidx = shutil.which("secsipidx")
    if secsipidx is None or shutil.which("curl") is None:
        return None
    port = _free_port()
    (work / "www").mkdir()
    (work / "www" / "ping.txt").write_text("ok")
    leaf = pki.sp_chain.read_text().split("-----END CERTIFICATE-----")[0]
    (work / "leaf.pem").write_text(leaf + "-----END CERTIFICATE-----\n")
    signer = Signer(SigningKey.from_file(pki.sp_key), X5U)
    (work / "identity.txt").write_text(signer.identity(ORIG, [DEST], Attestation.A, ORIGID))
    (work / "sign.csv").write_text(f"{ORIG},{DEST},A,{ORIGID},{X5U}")
    base = f"http://127.0.0.1:{port}"

    def config(name: str, path: str, data: str | None) -> Path:
        lines = [f'data-binary = "@{work / data}"'] if data else []
        lines += [f'url = "{base}{path}"\noutput = "/dev/null"'] * requests
        file = work / f"{name}.cfg"
        file.write_text("\n".join(lines) + "\n")
        return file

    server = subprocess.Popen(
        [
            "taskset", "-c", "1", secsipidx,
            "-http-srv", f"127.0.0.1:{port}",
            "-http-dir", str(work / "www"),
            "-fprvkey", str(pki.sp_key),
            "-fpubkey", str(work / "leaf.pem"),
            "-expire", "100000000",
        ],
        env={**os.environ, "GOMAXPROCS": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                break
            except OSError:
                time.sleep(0.05)
        signs = _curl_rate(config("sign", "/v1/sign-csv", "sign.csv"), requests, server.pid)
        verifies = _curl_rate(config("check", "/v1/check", "identity.txt"), requests, server.pid)
        floor = _curl_rate(config("static", "/v1/pub/ping.txt", None), requests, server.pid)
    finally:
        server.terminate()
        server.wait(timeout=10)
    return signs, verifies, floor


def run(full: bool) -> None:
    seconds = 10.0 if full else 3.0
    with tempfile.TemporaryDirectory() as directory:
        work = Path(directory)
        pki = create_lab_pki(work / "pki")
        print("measuring openssl speed ecdsap256 (core 0) ...", flush=True)
        raw = openssl_speed(3)
        print("measuring callwarden sign / verify (core 0) ...", flush=True)
        signs, verifies, passed, total = callwarden_rates(pki, seconds)
        print("measuring secsipidx HTTP API (server core 1, curl core 0) ...", flush=True)
        peer = secsipidx_rates(pki, work, 20_000 if full else 6_000)

    def cell(value: float | None) -> str:
        return f"{'n/a':>10}" if value is None else f"{value:>10,.0f}"

    def line(label: str, sign: float | None, verify: float | None, note: str = "") -> None:
        print(f"{label:46} {cell(sign)} {cell(verify)}  {note}")

    print()
    print(f"{'one core, per CPU-second':46} {'signs/s':>10} {'verifies/s':>10}")
    line("openssl speed ecdsap256 (raw ECDSA P-256)", raw and raw[0], raw and raw[1])
    line(
        "callwarden, full Identity header",
        signs.per_cpu_second,
        verifies.per_cpu_second,
        f"(wall clock {signs.per_wall_second:,.0f} / {verifies.per_wall_second:,.0f})",
    )
    if raw:
        print(
            f"{'  share of the raw limit':46} {signs.per_cpu_second / raw[0]:>10.0%}"
            f" {verifies.per_cpu_second / raw[1]:>10.0%}"
        )
    line("  targets", SIGN_TARGET, VERIFY_TARGET)
    if peer:
        sign_peer, verify_peer, floor = peer
        line(
            "secsipidx HTTP API (server CPU; incl. HTTP)",
            sign_peer.per_cpu_second,
            verify_peer.per_cpu_second,
            f"(wall clock {sign_peer.per_wall_second:,.0f} / {verify_peer.per_wall_second:,.0f})",
        )
        line(
            "  HTTP floor: static file, same server",
            floor.per_cpu_second,
            floor.per_cpu_second,
            f"(wall clock {floor.per_wall_second:,.0f})",
        )
    else:
        print("secsipidx or curl not installed: no peer figure")
    print(f"verifications passed: {passed:,} of {total:,}")
