"""STIR/SHAKEN: full Identity headers signed and verified per second on one core.

Printed beside, from the same run and the same core:
- ``openssl speed ecdsap256``: the raw ECDSA P-256 limit of this machine;
- bare ES256 through ``cryptography`` (the binding callwarden uses) on the same bytes: the
  most any signer or verifier on that binding can do, so the gap to it is callwarden's
  own work;
- secsipidx (asipto's Go implementation) through its HTTP API, driven by curl over
  keep-alive connections from the other core, with GOMAXPROCS=1; its rate includes HTTP
  and the per-request log line it writes, so the HTTP floor (a static file from the same
  server) is printed too.

"Per core" means per CPU-second: ``openssl speed`` counts user CPU time unless given
``-elapsed``, and on a shared 2-core machine wall-clock rates mostly measure the
neighbours. So callwarden's rates are operations per CPU-second of this process
(time.process_time) and secsipidx's are requests per CPU-second of its server process
(/proc/PID/stat); wall-clock rates are printed as well. The machine is shared, so
OpenSSL, the bare binding and callwarden are measured in alternation over several rounds
and the best round of each is printed (a neighbour can only slow a round down), with the
shares as ratios of bests.

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

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec

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


def _tokens(signer: Signer, count: int) -> list[str]:
    # Every verification gets a distinct token (a repeated one is a replay and fails).
    return [signer.identity(ORIG, [DEST], Attestation.A, ORIGID) for _ in range(count)]


def callwarden_rates(pki: LabPki, seconds: float) -> tuple[Rate, Rate, int, int]:
    """Full Identity headers signed, then verified (chain validated once and cached,
    as in steady state; every other check runs per call)."""
    signer = Signer(SigningKey.from_file(pki.sp_key), X5U)

    def sign(batch: int) -> int:
        identity = signer.identity
        for _ in range(batch):
            identity(ORIG, [DEST], Attestation.A, ORIGID)
        return batch

    with one_core():
        signs = rate(sign, seconds)
    tokens = _tokens(signer, int(max(VERIFY_TARGET, 12_000) * seconds))
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


def pyca_rates(pki: LabPki, seconds: float) -> tuple[Rate, Rate]:
    """Bare ES256 through the ``cryptography`` binding callwarden uses: the ceiling of
    anything built on it, so the distance to it is callwarden's own work."""
    key = SigningKey.from_file(pki.sp_key).private_key()
    public = key.public_key()
    data = _tokens(Signer(SigningKey(key), X5U), 1)[0].rsplit(".", 1)[0].encode()
    algorithm = ec.ECDSA(hashes.SHA256())
    signature = key.sign(data, algorithm)

    def sign(batch: int) -> int:
        for _ in range(batch):
            key.sign(data, algorithm)
        return batch

    def verify(batch: int) -> int:
        for _ in range(batch):
            public.verify(signature, data, algorithm)
        return batch

    with one_core():
        return rate(sign, seconds), rate(verify, seconds, batch=300)


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


@dataclass
class Best:
    """The best figures of several rounds: on a shared machine a neighbour can only make
    a round slower, so the fastest round is the least disturbed one."""

    openssl: tuple[float, float] | None = None
    pyca: tuple[float, float] = (0.0, 0.0)
    sign: Rate = Rate(0.0, 0.0)
    verify: Rate = Rate(0.0, 0.0)
    passed: int = 0
    total: int = 0

    def add(
        self,
        raw: tuple[float, float] | None,
        pyca: tuple[Rate, Rate],
        signs: Rate,
        verifies: Rate,
    ) -> None:
        if raw is not None:
            old = self.openssl or (0.0, 0.0)
            self.openssl = (max(old[0], raw[0]), max(old[1], raw[1]))
        self.pyca = (
            max(self.pyca[0], pyca[0].per_cpu_second),
            max(self.pyca[1], pyca[1].per_cpu_second),
        )
        self.sign = max(self.sign, signs, key=lambda r: r.per_cpu_second)
        self.verify = max(self.verify, verifies, key=lambda r: r.per_cpu_second)


def run(full: bool) -> None:
    seconds = 3.0 if full else 1.0
    rounds = 5 if full else 3
    best = Best()
    with tempfile.TemporaryDirectory() as directory:
        work = Path(directory)
        pki = create_lab_pki(work / "pki")
        for number in range(1, rounds + 1):
            # Reference and callwarden alternate, round after round, on the same core.
            print(f"round {number}/{rounds}: openssl speed, pyca, callwarden (core 0)", flush=True)
            raw = openssl_speed(max(1, int(seconds)))
            pyca = pyca_rates(pki, seconds / 2)
            signs, verifies, passed, total = callwarden_rates(pki, seconds)
            best.add(raw, pyca, signs, verifies)
            best.passed += passed
            best.total += total
        print("measuring secsipidx HTTP API (server core 1, curl core 0) ...", flush=True)
        peer = secsipidx_rates(pki, work, 20_000 if full else 6_000)

    def cell(value: float | None) -> str:
        return f"{'n/a':>10}" if value is None else f"{value:>10,.0f}"

    def line(label: str, sign: float | None, verify: float | None, note: str = "") -> None:
        print(f"{label:46} {cell(sign)} {cell(verify)}  {note}")

    raw = best.openssl
    print()
    print(f"one core, per CPU-second, best of {rounds} rounds")
    print(f"{'':46} {'signs/s':>10} {'verifies/s':>10}")
    line("openssl speed ecdsap256 (raw ECDSA P-256)", raw and raw[0], raw and raw[1])
    line("cryptography (pyca) bare ES256, same data", best.pyca[0], best.pyca[1])
    line(
        "callwarden, full Identity header",
        best.sign.per_cpu_second,
        best.verify.per_cpu_second,
        f"(wall clock {best.sign.per_wall_second:,.0f} / {best.verify.per_wall_second:,.0f})",
    )
    if raw:
        print(
            f"{'  share of openssl (best of each)':46}"
            f" {best.sign.per_cpu_second / raw[0]:>10.0%}"
            f" {best.verify.per_cpu_second / raw[1]:>10.0%}"
        )
    print(
        f"{'  share of bare pyca ES256':46} {best.sign.per_cpu_second / best.pyca[0]:>10.0%}"
        f" {best.verify.per_cpu_second / best.pyca[1]:>10.0%}"
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
    print(f"verifications passed: {best.passed:,} of {best.total:,}")
