"""Commands: ``callwarden shaken lab-pki | sign | verify``: STIR/SHAKEN by hand.

Thin: each command parses options, builds the signer or verifier from
:mod:`callwarden.shaken` and prints the result. Keys are read from a file or an
environment variable and never printed.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from callwarden.cli import app
from callwarden.cli._console import clean_errors, out
from callwarden.errors import InputError

# The option types and defaults the help shows; the rest is imported when a command runs
# (attestation pulls in callwarden.numbers: phonenumbers and Arrow).
from callwarden.shaken.passport import Attestation
from callwarden.shaken.signer import DEFAULT_KEY_ENV

if TYPE_CHECKING:
    from callwarden.shaken.verifier import CertificateSource


def _read(path: Path, what: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read {what}: {error.strerror}", source=str(path)) from None


shaken_app = typer.Typer(
    name="shaken",
    help="STIR/SHAKEN: sign calls, verify Identity headers, make a lab PKI.",
    no_args_is_help=True,
)
app.add_typer(shaken_app, name="shaken")


@shaken_app.command("lab-pki")
def lab_pki_command(
    directory: Annotated[Path, typer.Argument(help="Where to write the lab PKI.")],
    spc: Annotated[str, typer.Option(help="Service provider code in the SP certificate.")] = "709J",
    tn_start: Annotated[str, typer.Option(help="First TN of the SP certificate's range.")] = (
        "12155550100"
    ),
    tn_count: Annotated[int, typer.Option(min=2, help="Numbers in the range.")] = 100,
    crl_url: Annotated[
        str | None, typer.Option(help="CRL Distribution Point to put in SP certificates.")
    ] = None,
) -> None:
    """Create an STI-PA root, an STI-CA, an SP certificate with TNAuthList (SPC and a TN
    range), a revoked SP certificate and the STI-CA's CRL. For local testing only."""
    from callwarden.shaken.lab_pki import create_lab_pki

    with clean_errors():
        pki = create_lab_pki(
            directory, spc=spc, tn_start=tn_start, tn_count=tn_count, crl_url=crl_url
        )
    rows = [
        ("trust anchor (STI-PA root)", pki.root),
        ("trust directory", pki.trust_dir),
        ("STI-CA", pki.ca),
        ("SP key (mode 0600)", pki.sp_key),
        ("SP chain (serve at your x5u)", pki.sp_chain),
        ("revoked SP key / chain", pki.revoked_chain),
        ("CRL", pki.crl),
    ]
    for label, path in rows:
        out.print(f"{label:30} {escape(str(path))}")
    out.print(f"SP certificate covers SPC {pki.spc} and {pki.tn_count} TNs from {pki.tn_start}.")
    # Plain print: these are commands to copy, a rich console would wrap them.
    print(
        "Sign:   callwarden shaken sign --key "
        f"{pki.sp_key} --x5u https://example.net/sp-chain.pem "
        f"--orig {pki.tn_start} --dest 12125551212 --attest A > identity.txt\n"
        "Verify: callwarden shaken verify --identity @identity.txt "
        f"--from {pki.tn_start} --to 12125551212 --trust {pki.trust_dir} "
        f"--cert {pki.sp_chain} --crl {pki.crl}"
    )


@shaken_app.command("sign")
def sign_command(
    *,
    x5u: Annotated[str, typer.Option(help="URL where verifiers fetch the SP certificate.")],
    orig: Annotated[str, typer.Option(help="Calling number (E.164).")],
    dest: Annotated[list[str], typer.Option(help="Called number (E.164); repeat for more.")],
    key: Annotated[
        Path | None,
        typer.Option(help=f"PEM private key file (default: the PEM in ${DEFAULT_KEY_ENV})."),
    ] = None,
    attest: Annotated[Attestation, typer.Option(help="Attestation level.")] = Attestation.C,
    origid: Annotated[str | None, typer.Option(help="origid UUID to sign.")] = None,
    origid_account: Annotated[
        str | None,
        typer.Option(help="Derive a stable origid from this customer or trunk id."),
    ] = None,
    iat: Annotated[int | None, typer.Option(help="Issued-at time (default: now).")] = None,
    div: Annotated[
        str | None,
        typer.Option(
            help="Sign a 'div' PASSporT (RFC 8946) instead: the call was diverted from this "
            "number (one you hold) to --dest; --attest and --origid do not apply."
        ),
    ] = None,
) -> None:
    """Print an Identity header value (RFC 8224) for one call."""
    from callwarden.shaken.attestation import origid_for
    from callwarden.shaken.signer import Signer, SigningKey

    with clean_errors():
        signing_key = SigningKey.from_file(key) if key else SigningKey.from_env()
        signer = Signer(signing_key, x5u)
        if div is not None:
            identity = signer.div_identity(orig, dest, div, iat=iat)
        else:
            if origid is None:
                origid = origid_for(origid_account) if origid_account else str(uuid.uuid4())
            identity = signer.identity(orig, dest, attest, origid, iat=iat)
    # Plain print: a rich console would wrap the long header.
    print(identity)


@shaken_app.command("verify")
def verify_command(
    *,
    identity: Annotated[
        list[str],
        typer.Option(
            help="Identity header value (or @FILE). Repeat for a diverted call: the "
            "original SHAKEN one first, then each 'div' one in order (RFC 8946)."
        ),
    ],
    from_: Annotated[str, typer.Option("--from", help="From number or URI.")],
    to: Annotated[str, typer.Option(help="To number or URI.")],
    trust: Annotated[
        list[Path],
        typer.Option(help="Trust anchor file or directory (STI-PA roots); repeatable."),
    ],
    pai: Annotated[str | None, typer.Option(help="P-Asserted-Identity number.")] = None,
    request_uri: Annotated[str | None, typer.Option(help="Request-URI number.")] = None,
    cert: Annotated[
        Path | None,
        typer.Option(help="Use this certificate chain file instead of fetching x5u."),
    ] = None,
    crl: Annotated[
        list[Path] | None, typer.Option(help="CRL file (PEM or DER); repeatable.")
    ] = None,
    require_crl: Annotated[
        bool, typer.Option(help="Fail when an issuer's CRL is not available.")
    ] = False,
    freshness: Annotated[int, typer.Option(min=1, help="iat window in seconds.")] = 60,
    allow_http: Annotated[bool, typer.Option(help="Allow http:// x5u URLs.")] = False,
    allow_network: Annotated[
        list[str] | None,
        typer.Option(help="Non-public network x5u may resolve to (e.g. 127.0.0.0/8)."),
    ] = None,
    tls_ca_file: Annotated[
        Path | None, typer.Option(help="CA bundle for x5u HTTPS servers.")
    ] = None,
) -> None:
    """Verify an Identity header; print the verdict as JSON. Exit 0 when it passed, 1
    when it did not."""
    from callwarden.shaken.certificates import TrustStore, load_crl
    from callwarden.shaken.verifier import StaticCertificates, Verifier, VerifierPolicy
    from callwarden.shaken.x5u import FetchPolicy, HttpFetcher

    with clean_errors():
        values = [
            _read(Path(value[1:]), "the Identity header").decode("utf-8", "replace").strip()
            if value.startswith("@")
            else value
            for value in identity
        ]
        trust_store = TrustStore.from_paths(trust)
        fetcher = HttpFetcher(
            FetchPolicy(
                allow_http=allow_http,
                allow_networks=tuple(allow_network or ()),
                tls_ca_file=tls_ca_file,
            )
        )
        certificates: CertificateSource = fetcher
        if cert is not None:
            certificates = StaticCertificates({}, fallback=_read(cert, "the certificate chain"))
        verifier = Verifier(
            trust_store,
            certificates,
            policy=VerifierPolicy(freshness_seconds=freshness, require_crl=require_crl),
            crls=fetcher,
            static_crls=[load_crl(_read(p, "the CRL"), source=str(p)) for p in crl or ()],
        )
        if len(values) == 1:
            verdict = verifier.verify(
                values[0], from_tn=from_, to_tn=to, pai_tn=pai, request_uri_tn=request_uri
            )
        else:
            verdict = verifier.verify_diverted(
                values, from_tn=from_, to_tn=to, pai_tn=pai, request_uri_tn=request_uri
            )
    print(json.dumps(verdict.to_json(), indent=2))
    if not verdict.passed:
        raise typer.Exit(1)
