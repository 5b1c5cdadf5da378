"""The sites behind consent evidence and contact addresses (callwarden.customers)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from callwarden.customers import Customer, evidence_site, own_site, registrable_site

_LABEL = st.from_regex(r"[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?", fullmatch=True)


def test_a_hosts_site_is_its_registered_name() -> None:
    assert registrable_site("www.compare-solar-savings.com") == "compare-solar-savings.com"
    assert registrable_site("Forms.Example.CO.UK.") == "example.co.uk"
    assert registrable_site("portal.clinic.com.au") == "clinic.com.au"
    assert registrable_site("example.io") == "example.io"
    assert registrable_site("localhost") is None
    assert registrable_site("192.168.10.4") is None


@given(st.lists(_LABEL, min_size=0, max_size=3), _LABEL, st.sampled_from(["com", "net", "us"]))
def test_subdomains_share_their_site(labels: list[str], name: str, tld: str) -> None:
    host = ".".join([*labels, name, tld])
    assert registrable_site(host) == f"{name}.{tld}"
    assert evidence_site(f"https://{host}/lead/1?src=x") == f"{name}.{tld}"


def test_only_web_addresses_name_a_site() -> None:
    assert evidence_site("https://www.solarquotes.com/lead/123") == "solarquotes.com"
    assert evidence_site("HTTP://user:pw@Leads.Example.net:8443/f#x") == "example.net"
    assert evidence_site("  https://cert.trustedform.com/0a1b") == "trustedform.com"
    for not_a_page in ("optin-1234567890", "docusign envelope 42", "", None, "ftp://x.com/a"):
        assert evidence_site(not_a_page) is None


def test_an_accounts_own_site_is_its_contact_addresses_unless_a_free_mailbox() -> None:
    assert own_site(Customer("a", "A", contact_email="ops@mail.sunvista.com")) == "sunvista.com"
    assert own_site(Customer("b", "B", contact_email="sunvista.solar@gmail.com")) is None
    assert own_site(Customer("c", "C", contact_email="not an address")) is None
    assert own_site(Customer("d", "D")) is None
