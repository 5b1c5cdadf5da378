"""Retrieving certificates (x5u) and CRLs from the network, which is untrusted input.

An x5u URL arrives inside a call from anyone; fetching it blindly would let a caller make
the verifier reach internal services (SSRF), hang on a slow server, or fill memory. So
(ATIS-1000074 section 5.3.1; RFC 8224 section 7.2 on dereferencing ``info``):

- https only; http only when configured (the lab, secsipidx's plain-HTTP repositories);
- the host name is resolved once, every resolved address must be public (or inside a
  configured allow-list, e.g. 127.0.0.0/8 for a test), and the connection goes to that
  checked address with the original name for TLS SNI and certificate checks, so a second
  DNS answer (DNS rebinding) never reaches a socket;
- no environment proxies (a proxy would connect wherever the name points);
- redirects only to the same scheme and host, re-checked, at most a few;
- a size limit (on the decoded body) and a time limit (per read and in total, name
  resolution included);
- a cache honouring Cache-Control max-age / no-store and Expires, capped at a maximum,
  with negative caching of failures so a bad URL cannot cost a fetch per call.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path

import httpx
from cryptography import x509

from callwarden.shaken.certificates import load_certificates, load_crl
from callwarden.shaken.errors import ShakenError, ShakenErrorCode

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]


# IPv6 ranges Python's ipaddress (3.11) still calls global although they are not
# reachable public unicast: site-local (deprecated, RFC 3879) and the local-use NAT64
# prefix (RFC 8215), which translates into whatever IPv4 network the operator chose.
_REFUSED_V6 = (
    ipaddress.IPv6Network("fec0::/10"),
    ipaddress.IPv6Network("64:ff9b:1::/48"),
)
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")  # RFC 6052 section 2.1
_IPV4_COMPATIBLE = ipaddress.IPv6Network("::/96")  # RFC 4291 section 2.5.5.1


def embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address reaches, when it embeds one: IPv4-mapped and
    IPv4-compatible (RFC 4291 section 2.5.5), 6to4 (RFC 3056) and the NAT64 well-known
    prefix (RFC 6052). Such an address is judged by that IPv4 address, or
    ``[64:ff9b::a00:1]`` would reach 10.0.0.1 through a NAT64 gateway."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address in _NAT64 or (address in _IPV4_COMPATIBLE and int(address) > 1):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for ``host``."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


@dataclass(frozen=True)
class FetchPolicy:
    allow_http: bool = False
    #: networks allowed besides public addresses, e.g. ("127.0.0.0/8",) for a local test
    allow_networks: tuple[str, ...] = ()
    max_bytes: int = 64 * 1024
    timeout_seconds: float = 2.0
    max_redirects: int = 2
    default_ttl_seconds: float = 3600.0
    max_ttl_seconds: float = 86_400.0
    negative_ttl_seconds: float = 60.0
    cache_size: int = 4096
    #: CA bundle for the TLS servers that host certificates (None: the system's)
    tls_ca_file: Path | None = None


def _refused(message: str) -> ShakenError:
    return ShakenError(ShakenErrorCode.X5U_REFUSED, message)


def _failed(message: str) -> ShakenError:
    return ShakenError(ShakenErrorCode.X5U_FETCH_FAILED, message)


def cache_ttl(headers: httpx.Headers, policy: FetchPolicy, now: float) -> float:
    """Seconds a response may be reused (RFC 9111 section 4.2.1), capped by policy."""
    control = {
        part.strip().split("=", 1)[0].lower(): part.strip().partition("=")[2].strip('"')
        for part in headers.get("cache-control", "").split(",")
        if part.strip()
    }
    if "no-store" in control or "no-cache" in control:
        return 0.0
    ttl: float | None = None
    if "max-age" in control:
        try:
            ttl = max(0.0, float(int(control["max-age"])))
        except ValueError:
            ttl = 0.0  # RFC 9111 section 4.2.1: an invalid max-age means stale
    elif "expires" in headers:
        try:
            expires = parsedate_to_datetime(headers["expires"]).timestamp()
            date = headers.get("date")
            origin_now = parsedate_to_datetime(date).timestamp() if date else now
            ttl = max(0.0, expires - origin_now)
        except (TypeError, ValueError, IndexError):
            ttl = 0.0
    if ttl is None:
        ttl = policy.default_ttl_seconds
    return min(ttl, policy.max_ttl_seconds)


class HttpFetcher:
    """Fetches x5u certificates and CRLs under a :class:`FetchPolicy`; implements the
    verifier's CertificateSource and CrlSource."""

    def __init__(
        self,
        policy: FetchPolicy | None = None,
        *,
        resolver: Resolver = system_resolver,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.policy = policy or FetchPolicy()
        self._resolver = resolver
        self._clock = clock
        self._allowed = tuple(ipaddress.ip_network(n) for n in self.policy.allow_networks)
        if self.policy.tls_ca_file is not None:
            self._ssl = ssl.create_default_context(cafile=str(self.policy.tls_ca_file))
        else:
            self._ssl = ssl.create_default_context()
        self._cache: OrderedDict[str, tuple[float, bytes | ShakenError]] = OrderedDict()
        self._dns: ThreadPoolExecutor | None = None
        self.network_fetches = 0

    # -- CertificateSource / CrlSource

    def certificates(self, url: str) -> list[x509.Certificate]:
        return load_certificates(self.fetch(url), source=url)

    def crl(self, url: str) -> x509.CertificateRevocationList:
        try:
            data = self.fetch(url)
        except ShakenError as error:
            raise ShakenError(ShakenErrorCode.CRL_UNAVAILABLE, error.detail) from None
        return load_crl(data, source=url)

    # -- the fetch itself

    def fetch(self, url: str) -> bytes:
        now = self._clock()
        cached = self._cache.get(url)
        if cached is not None and cached[0] > now:
            value = cached[1]
            if isinstance(value, ShakenError):
                raise value
            return value
        try:
            body, ttl = self._fetch_uncached(url)
            result: bytes | ShakenError = body
        except ShakenError as error:
            result, ttl = error, self.policy.negative_ttl_seconds
        if ttl > 0:
            self._cache[url] = (now + ttl, result)
            self._cache.move_to_end(url)
            while len(self._cache) > self.policy.cache_size:
                self._cache.popitem(last=False)
        else:
            self._cache.pop(url, None)
        if isinstance(result, ShakenError):
            raise result
        return result

    def _address_allowed(self, address: IPAddress) -> bool:
        if isinstance(address, ipaddress.IPv6Address):
            if any(address in network for network in _REFUSED_V6):
                return any(address in network for network in self._allowed)
            embedded = embedded_ipv4(address)
            if embedded is not None:
                address = embedded
        if any(address in network for network in self._allowed):
            return True
        return address.is_global and not address.is_multicast

    def _resolve(self, host: str, port: int, timeout: float) -> list[str]:
        """The resolver's answer within ``timeout`` seconds. getaddrinfo cannot be
        interrupted, and a name whose servers never answer would hold the call for the
        system resolver's own timeouts; so it runs on a small pool and the caller stops
        waiting at the deadline (a stuck lookup keeps only its pool thread)."""
        if self._dns is None:
            self._dns = ThreadPoolExecutor(max_workers=4, thread_name_prefix="x5u-dns")
        future = self._dns.submit(self._resolver, host, port)
        try:
            return future.result(timeout=max(timeout, 0.0))
        except FutureTimeout:
            future.cancel()
            raise _failed(f"cannot resolve {host}: no answer within {timeout:.1f} s") from None

    def checked_addresses(
        self, host: str, port: int, *, timeout: float | None = None
    ) -> list[IPAddress]:
        """Resolve ``host``; refuse if any answer is not allowed (a mixed answer is how a
        rebinding attack hides an internal address behind a public one)."""
        try:
            literal: IPAddress | None = ipaddress.ip_address(host)
        except ValueError:
            literal = None
        if literal is not None:
            addresses: Sequence[IPAddress] = [literal]
        else:
            try:
                wait = self.policy.timeout_seconds if timeout is None else timeout
                answer = self._resolve(host, port, wait)
                addresses = [ipaddress.ip_address(a) for a in answer]
            except (OSError, UnicodeError, ValueError) as error:
                raise _failed(f"cannot resolve {host}: {error}") from None
            if not addresses:
                raise _failed(f"{host} has no address")
        refused = [str(a) for a in addresses if not self._address_allowed(a)]
        if refused:
            raise _refused(f"{host} resolves to non-public address(es) {', '.join(refused)}")
        return list(addresses)

    def _check_url(self, url: str) -> httpx.URL:
        try:
            parsed = httpx.URL(url)
        except (httpx.InvalidURL, TypeError, ValueError) as error:
            raise _refused(f"not a URL: {url!r} ({error})") from None
        if parsed.scheme == "http" and not self.policy.allow_http:
            raise _refused(f"{url}: http is not allowed (https only)")
        if parsed.scheme not in {"https", "http"}:
            raise _refused(f"{url}: scheme {parsed.scheme!r} not allowed")
        if not parsed.host:
            raise _refused(f"{url}: no host")
        if parsed.userinfo:
            raise _refused(f"{url}: credentials in URL")
        return parsed

    def _fetch_uncached(self, url: str) -> tuple[bytes, float]:
        deadline = time.monotonic() + self.policy.timeout_seconds
        target = self._check_url(url)
        original_host = target.host.lower()
        for _hop in range(self.policy.max_redirects + 1):
            response_headers, status, body = self._get_once(target, deadline)
            if status in {301, 302, 303, 307, 308}:
                location = response_headers.get("location")
                if not location:
                    raise _failed(f"{target}: redirect without Location")
                following = self._check_url(str(target.join(location)))
                if following.host.lower() != original_host or following.scheme != target.scheme:
                    raise _refused(f"{target}: redirect to another host or scheme: {following}")
                target = following
                continue
            if status != 200:
                raise _failed(f"{target}: HTTP {status}")
            return body, cache_ttl(response_headers, self.policy, time.time())
        raise _refused(f"{url}: more than {self.policy.max_redirects} redirects")

    def _get_once(self, target: httpx.URL, deadline: float) -> tuple[httpx.Headers, int, bytes]:
        port = target.port or (443 if target.scheme == "https" else 80)
        address = self.checked_addresses(target.host, port, timeout=deadline - time.monotonic())[0]
        pinned = target.copy_with(host=str(address))
        headers = {"Host": target.netloc.decode("ascii"), "Accept-Encoding": "identity"}
        extensions = {"sni_hostname": target.host} if target.scheme == "https" else {}
        limit = self.policy.max_bytes
        timeout = httpx.Timeout(self.policy.timeout_seconds)
        self.network_fetches += 1
        # A fresh client per fetch: a pooled connection to the same address could have
        # been verified for another host name.
        try:
            with (
                httpx.Client(
                    verify=self._ssl, trust_env=False, follow_redirects=False, timeout=timeout
                ) as client,
                client.stream("GET", pinned, headers=headers, extensions=extensions) as response,
            ):
                declared = response.headers.get("content-length")
                if declared is not None and declared.isdigit() and int(declared) > limit:
                    raise _failed(f"{target}: {declared} bytes, limit {limit}")
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > limit:
                        raise _failed(f"{target}: more than {limit} bytes")
                    if time.monotonic() > deadline:
                        raise _failed(f"{target}: took longer than {self.policy.timeout_seconds} s")
                    chunks.append(chunk)
                return response.headers, response.status_code, b"".join(chunks)
        except httpx.TimeoutException:
            raise _failed(f"{target}: timed out after {self.policy.timeout_seconds} s") from None
        except httpx.HTTPError as error:
            raise _failed(f"{target}: {type(error).__name__}: {error}") from None
