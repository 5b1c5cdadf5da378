"""x5u retrieval against a real local HTTPS server (a certificate from a lab web CA)."""

from __future__ import annotations

import ssl
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from ipaddress import ip_address
from pathlib import Path

import httpx
import pytest
from cryptography.hazmat.primitives import serialization
from hypothesis import given
from hypothesis import strategies as st

from callwarden.shaken.certificates import TrustStore
from callwarden.shaken.errors import ShakenError, ShakenErrorCode
from callwarden.shaken.lab_pki import make_root, make_tls_server_certificate, pem
from callwarden.shaken.passport import Attestation
from callwarden.shaken.signer import Signer
from callwarden.shaken.verifier import Verifier
from callwarden.shaken.x5u import FetchPolicy, HttpFetcher, cache_ttl

from .conftest import DEST, ORIG, ORIGID, Lab


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


@dataclass
class Server:
    base: str
    port: int
    routes: dict[str, Route]
    hits: dict[str, int]
    ca_file: Path


def _handler(routes: dict[str, Route], hits: dict[str, int]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits[self.path] = hits.get(self.path, 0) + 1
            route = routes.get(self.path, Route(b"not found", 404))
            if route.delay:
                time.sleep(route.delay)
            self.send_response(route.status)
            for name, value in route.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            self.wfile.write(route.body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        # Clients that give up early (size and time limit tests) break the pipe: expected.
        pass


@pytest.fixture(scope="module")
def https_server(tmp_path_factory: pytest.TempPathFactory, lab: Lab) -> Iterator[Server]:
    directory = tmp_path_factory.mktemp("x5u")
    web_root = make_root("lab web CA", now=lab.now)
    tls = make_tls_server_certificate(web_root, now=lab.now)
    (directory / "server.pem").write_bytes(pem(tls.certificate))
    (directory / "server.key").write_bytes(
        tls.key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    (directory / "web-ca.pem").write_bytes(pem(web_root.certificate))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(directory / "server.pem", directory / "server.key")
    routes: dict[str, Route] = {}
    hits: dict[str, int] = {}
    server = QuietServer(("127.0.0.1", 0), _handler(routes, hits))
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    port = server.server_address[1]
    try:
        yield Server(f"https://127.0.0.1:{port}", port, routes, hits, directory / "web-ca.pem")
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def http_server() -> Iterator[Server]:
    routes: dict[str, Route] = {}
    hits: dict[str, int] = {}
    server = QuietServer(("127.0.0.1", 0), _handler(routes, hits))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    port = server.server_address[1]
    try:
        yield Server(f"http://127.0.0.1:{port}", port, routes, hits, Path())
    finally:
        server.shutdown()
        server.server_close()


def _fetcher(server: Server, **kwargs: object) -> HttpFetcher:
    policy = FetchPolicy(
        allow_networks=("127.0.0.0/8",),
        tls_ca_file=server.ca_file,
        timeout_seconds=kwargs.pop("timeout_seconds", 2.0),  # type: ignore[arg-type]
        **kwargs,  # type: ignore[arg-type]
    )
    return HttpFetcher(policy)


def test_certificate_chain_is_fetched_over_https_and_cached(https_server: Server, lab: Lab) -> None:
    https_server.routes["/chain.pem"] = Route(
        lab.chain(lab.sp), headers={"Cache-Control": "max-age=600"}
    )
    fetcher = _fetcher(https_server)
    url = f"{https_server.base}/chain.pem"
    first = fetcher.certificates(url)
    second = fetcher.certificates(url)
    assert first[0] == lab.sp.certificate
    assert second[1] == lab.ca.certificate
    assert https_server.hits["/chain.pem"] == 1


def test_host_name_is_pinned_to_the_checked_address_with_sni(
    https_server: Server, lab: Lab
) -> None:
    # "localhost" resolves to 127.0.0.1; the connection goes to that address and TLS
    # checks the certificate against the name (the lab server certificate has both).
    https_server.routes["/by-name.pem"] = Route(lab.chain(lab.sp))
    fetcher = _fetcher(https_server)
    data = fetcher.fetch(f"https://localhost:{https_server.port}/by-name.pem")
    assert data == lab.chain(lab.sp)


def test_loopback_is_refused_by_default(https_server: Server, lab: Lab) -> None:
    https_server.routes["/default.pem"] = Route(lab.chain(lab.sp))
    fetcher = HttpFetcher(FetchPolicy(tls_ca_file=https_server.ca_file))
    for url in (
        f"{https_server.base}/default.pem",
        f"https://localhost:{https_server.port}/default.pem",
    ):
        with pytest.raises(ShakenError) as info:
            fetcher.fetch(url)
        assert info.value.code is ShakenErrorCode.X5U_REFUSED
    assert "/default.pem" not in https_server.hits


@pytest.mark.parametrize(
    "address",
    [
        "10.1.2.3",
        "192.168.0.1",
        "169.254.169.254",
        "::1",
        "fd00::1",
        "::ffff:127.0.0.1",
        "100.64.0.1",
        "0.0.0.0",
        "::",
        "fe80::1",
        "fec0::1",  # site-local: ipaddress calls it global
        "ff02::1",
        "::127.0.0.1",  # IPv4-compatible
        "::ffff:10.0.0.1",
        "2002:7f00:1::1",  # 6to4 of 127.0.0.1
        "2002:c0a8:1::1",  # 6to4 of 192.168.0.1
        "64:ff9b::a00:1",  # NAT64 of 10.0.0.1
        "64:ff9b::a9fe:a9fe",  # NAT64 of the cloud metadata address
        "64:ff9b:1::a00:1",  # local-use NAT64
        "2001:0:4136:e378:8000:63bf:3fff:fdd2",  # Teredo
    ],
)
def test_private_addresses_are_refused(address: str) -> None:
    fetcher = HttpFetcher(FetchPolicy(), resolver=lambda host, port: [address])
    with pytest.raises(ShakenError) as info:
        fetcher.fetch("https://certs.example.net/sp.pem")
    assert info.value.code is ShakenErrorCode.X5U_REFUSED
    # The same address written into the URL itself never reaches the resolver.
    literal = f"[{address}]" if ":" in address else address
    with pytest.raises(ShakenError) as info:
        HttpFetcher(FetchPolicy(), resolver=_no_dns).fetch(f"https://{literal}/sp.pem")
    assert info.value.code is ShakenErrorCode.X5U_REFUSED


def _no_dns(host: str, port: int) -> list[str]:
    raise AssertionError(f"an address literal was resolved: {host}")


@pytest.mark.parametrize(
    "address",
    ["93.184.216.34", "2606:2800:220:1::1", "::ffff:93.184.216.34", "2002:5db8:d822::1",
     "64:ff9b::5db8:d822"],
)  # fmt: skip
def test_public_addresses_pass_the_check(address: str) -> None:
    fetcher = HttpFetcher(FetchPolicy(), resolver=lambda host, port: [address])
    assert fetcher.checked_addresses("certs.example.net", 443) == [ip_address(address)]


def test_allowed_networks_cover_embedded_ipv4() -> None:
    fetcher = HttpFetcher(FetchPolicy(allow_networks=("127.0.0.0/8",)))
    assert fetcher.checked_addresses("::ffff:127.0.0.1", 443)
    with pytest.raises(ShakenError):
        fetcher.checked_addresses("::ffff:10.0.0.1", 443)


def test_mixed_dns_answer_is_refused_as_rebinding() -> None:
    fetcher = HttpFetcher(FetchPolicy(), resolver=lambda host, port: ["93.184.216.34", "127.0.0.1"])
    with pytest.raises(ShakenError) as info:
        fetcher.fetch("https://certs.example.net/sp.pem")
    assert info.value.code is ShakenErrorCode.X5U_REFUSED
    assert "127.0.0.1" in str(info.value)
    assert fetcher.network_fetches == 0


def test_plain_http_needs_configuration(http_server: Server, lab: Lab) -> None:
    http_server.routes["/plain.pem"] = Route(lab.chain(lab.sp))
    url = f"{http_server.base}/plain.pem"
    with pytest.raises(ShakenError) as info:
        HttpFetcher(FetchPolicy(allow_networks=("127.0.0.0/8",))).fetch(url)
    assert info.value.code is ShakenErrorCode.X5U_REFUSED
    allowed = HttpFetcher(FetchPolicy(allow_http=True, allow_networks=("127.0.0.0/8",)))
    assert allowed.fetch(url) == lab.chain(lab.sp)


def test_untrusted_tls_certificate_fails(https_server: Server, lab: Lab) -> None:
    https_server.routes["/tls.pem"] = Route(lab.chain(lab.sp))
    fetcher = HttpFetcher(FetchPolicy(allow_networks=("127.0.0.0/8",)))  # system CAs only
    with pytest.raises(ShakenError) as info:
        fetcher.fetch(f"{https_server.base}/tls.pem")
    assert info.value.code is ShakenErrorCode.X5U_FETCH_FAILED


def test_redirects_stay_on_the_same_host(https_server: Server, lab: Lab) -> None:
    https_server.routes["/moved.pem"] = Route(status=302, headers={"Location": "/chain2.pem"})
    https_server.routes["/chain2.pem"] = Route(lab.chain(lab.sp))
    https_server.routes["/away.pem"] = Route(
        status=302, headers={"Location": f"https://localhost:{https_server.port}/chain2.pem"}
    )
    https_server.routes["/loop.pem"] = Route(status=302, headers={"Location": "/loop.pem"})
    fetcher = _fetcher(https_server)
    assert fetcher.fetch(f"{https_server.base}/moved.pem") == lab.chain(lab.sp)
    with pytest.raises(ShakenError) as info:
        fetcher.fetch(f"{https_server.base}/away.pem")
    assert info.value.code is ShakenErrorCode.X5U_REFUSED
    with pytest.raises(ShakenError) as info:
        fetcher.fetch(f"{https_server.base}/loop.pem")
    assert info.value.code is ShakenErrorCode.X5U_REFUSED


def test_size_limit(https_server: Server) -> None:
    https_server.routes["/huge.pem"] = Route(b"x" * 100_000)
    with pytest.raises(ShakenError) as info:
        _fetcher(https_server, max_bytes=10_000).fetch(f"{https_server.base}/huge.pem")
    assert info.value.code is ShakenErrorCode.X5U_FETCH_FAILED
    assert "limit" in str(info.value)


def test_time_limit(https_server: Server) -> None:
    https_server.routes["/slow.pem"] = Route(b"late", delay=1.5)
    with pytest.raises(ShakenError) as info:
        _fetcher(https_server, timeout_seconds=0.3).fetch(f"{https_server.base}/slow.pem")
    assert info.value.code is ShakenErrorCode.X5U_FETCH_FAILED


def test_failures_are_cached_negatively(https_server: Server) -> None:
    fetcher = _fetcher(https_server)
    url = f"{https_server.base}/missing.pem"
    for _ in range(3):
        with pytest.raises(ShakenError):
            fetcher.fetch(url)
    assert https_server.hits["/missing.pem"] == 1


def test_no_store_is_not_cached(https_server: Server, lab: Lab) -> None:
    https_server.routes["/nostore.pem"] = Route(
        lab.chain(lab.sp), headers={"Cache-Control": "no-store"}
    )
    fetcher = _fetcher(https_server)
    fetcher.fetch(f"{https_server.base}/nostore.pem")
    fetcher.fetch(f"{https_server.base}/nostore.pem")
    assert https_server.hits["/nostore.pem"] == 2


def test_cache_ttl_rules() -> None:
    policy = FetchPolicy(default_ttl_seconds=100, max_ttl_seconds=1000)
    assert cache_ttl(httpx.Headers({"Cache-Control": "max-age=50"}), policy, 0) == 50
    assert cache_ttl(httpx.Headers({"Cache-Control": "public, max-age=999999"}), policy, 0) == 1000
    assert cache_ttl(httpx.Headers({"Cache-Control": "max-age=abc"}), policy, 0) == 0
    assert cache_ttl(httpx.Headers({"Cache-Control": "no-cache"}), policy, 0) == 0
    assert cache_ttl(httpx.Headers({}), policy, 0) == 100
    headers = httpx.Headers(
        {"Date": "Sun, 22 Nov 2026 10:00:00 GMT", "Expires": "Sun, 22 Nov 2026 10:05:00 GMT"}
    )
    assert cache_ttl(headers, policy, 0) == 300


def test_bad_urls_are_refused() -> None:
    fetcher = HttpFetcher(FetchPolicy())
    for url in (
        "ftp://x.example/c.pem",
        "file:///etc/passwd",
        "https://user:pw@x.example/c",
        "nonsense",
    ):
        with pytest.raises(ShakenError) as info:
            fetcher.fetch(url)
        assert info.value.code in {ShakenErrorCode.X5U_REFUSED, ShakenErrorCode.X5U_FETCH_FAILED}


def test_verifier_end_to_end_over_https(https_server: Server, lab: Lab) -> None:
    https_server.routes["/sp.pem"] = Route(lab.chain(lab.sp))
    x5u = f"{https_server.base}/sp.pem"
    verifier = Verifier(TrustStore((lab.root.certificate,)), _fetcher(https_server))
    identity = Signer(lab.key(lab.sp), x5u).identity(ORIG, [DEST], Attestation.A, ORIGID)
    verdict = verifier.verify(identity, from_tn=ORIG, to_tn=DEST)
    assert verdict.passed, verdict.message


def test_crl_distribution_point_is_fetched_and_revocation_refused(
    https_server: Server, lab: Lab
) -> None:
    from cryptography.hazmat.primitives.serialization import Encoding

    from callwarden.shaken.lab_pki import make_crl, make_sp_certificate
    from callwarden.shaken.tnauthlist import ServiceProviderCode, TnAuthList
    from callwarden.shaken.verifier import VerifierPolicy

    crl_url = f"{https_server.base}/sti-ca.crl"
    tn_auth = TnAuthList((ServiceProviderCode("709J"),))
    good = make_sp_certificate(lab.ca, tn_auth, now=lab.now, crl_url=crl_url)
    bad = make_sp_certificate(lab.ca, tn_auth, now=lab.now, crl_url=crl_url)
    https_server.routes["/sti-ca.crl"] = Route(
        make_crl(lab.ca, [bad.certificate], now=lab.now).public_bytes(Encoding.DER)
    )
    https_server.routes["/good.pem"] = Route(lab.chain(good))
    https_server.routes["/bad.pem"] = Route(lab.chain(bad))
    fetcher = _fetcher(https_server)
    verifier = Verifier(TrustStore((lab.root.certificate,)), fetcher, crls=fetcher)
    verdicts = {}
    for name, leaf in (("good", good), ("bad", bad)):
        x5u = f"{https_server.base}/{name}.pem"
        identity = Signer(lab.key(leaf), x5u).identity(ORIG, [DEST], Attestation.A, ORIGID)
        verdicts[name] = verifier.verify(identity, from_tn=ORIG, to_tn=DEST)
    assert verdicts["good"].passed, verdicts["good"].message
    assert verdicts["bad"].code is ShakenErrorCode.CERT_REVOKED
    assert verdicts["bad"].sip_status == 437
    assert https_server.hits["/sti-ca.crl"] == 1  # fetched once, then from the cache

    # A CRL that cannot be fetched fails the call only when CRLs are required.
    del https_server.routes["/sti-ca.crl"]
    for require_crl, passed in ((False, True), (True, False)):
        fetcher = _fetcher(https_server)
        verifier = Verifier(
            TrustStore((lab.root.certificate,)),
            fetcher,
            crls=fetcher,
            policy=VerifierPolicy(require_crl=require_crl),
        )
        x5u = f"{https_server.base}/good.pem"
        identity = Signer(lab.key(good), x5u).identity(ORIG, [DEST], Attestation.A, ORIGID)
        verdict = verifier.verify(identity, from_tn=ORIG, to_tn=DEST)
        assert verdict.passed is passed, verdict.message
        if not passed:
            assert verdict.code is ShakenErrorCode.CRL_UNAVAILABLE


def test_name_resolution_counts_against_the_time_limit() -> None:
    # A name whose DNS servers never answer must not hold the call for the system
    # resolver's own timeouts. This resolver answers (with an address the policy
    # refuses) only after the test is over, so waiting for it shows as X5U_REFUSED.
    released = threading.Event()

    def silent(host: str, port: int) -> list[str]:
        released.wait(timeout=30)
        return ["127.0.0.1"]

    fetcher = HttpFetcher(FetchPolicy(timeout_seconds=0.2), resolver=silent)
    try:
        with pytest.raises(ShakenError) as info:
            fetcher.fetch("https://silent.example.net/sp.pem")
        assert info.value.code is ShakenErrorCode.X5U_FETCH_FAILED
        assert "no answer" in str(info.value)
    finally:
        released.set()


_header_text = st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=60)


@given(cache_control=_header_text, expires=_header_text, date=_header_text)
def test_cache_ttl_never_fails_and_stays_within_the_maximum(
    cache_control: str, expires: str, date: str
) -> None:
    # Caching headers come from the x5u server: whatever they say, the answer is a TTL
    # between 0 and the configured maximum, never an exception.
    policy = FetchPolicy(default_ttl_seconds=100, max_ttl_seconds=1000)
    headers = httpx.Headers({"Cache-Control": cache_control, "Expires": expires, "Date": date})
    ttl = cache_ttl(headers, policy, 0)
    assert 0 <= ttl <= 1000
    directives = {part.strip().split("=", 1)[0].lower() for part in cache_control.split(",")}
    if directives & {"no-store", "no-cache"}:
        assert ttl == 0


@given(st.integers(0, 10**9), st.sampled_from(["", "public, ", "private, ", "must-revalidate,"]))
def test_max_age_is_honoured_up_to_the_maximum(seconds: int, other: str) -> None:
    policy = FetchPolicy(default_ttl_seconds=100, max_ttl_seconds=1000)
    headers = httpx.Headers({"Cache-Control": f"{other}max-age={seconds}"})
    assert cache_ttl(headers, policy, 0) == min(seconds, 1000)
