"""labels.csv: the ground truth (docs/formats.md section 6), with what each labelled
entity actually did in the CDRs written (calls, first and last day seen).

Tallies are kept per sender and per pool caller ID while the days are generated, so the
labels never name an entity that has no call in the files.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

import numpy as np
import numpy.typing as npt

from callwarden.synth.network import Network, Sender
from callwarden.synth.traffic import DayCalls
from callwarden.synth.writer import present_caller

LABEL_COLUMNS = (
    "entity_type",
    "entity_id",
    "customer_id",
    "behaviour",
    "legitimate",
    "description",
    "calls",
    "first_seen",
    "last_seen",
)
_NEVER = -1


class LabelTally:
    """Calls per sender and per reused caller ID, day by day."""

    def __init__(self, network: Network) -> None:
        self._network = network
        count = len(network.senders)
        self._calls = np.zeros(count, dtype=np.int64)
        self._first = np.full(count, _NEVER, dtype=np.int64)
        self._last = np.full(count, _NEVER, dtype=np.int64)
        self._pool_calls: dict[int, npt.NDArray[np.int64]] = {}
        self._pool_first: dict[int, npt.NDArray[np.int64]] = {}
        self._pool_last: dict[int, npt.NDArray[np.int64]] = {}

    def add_day(
        self, day_index: int, calls: DayCalls, pool_used: dict[int, npt.NDArray[np.int64]]
    ) -> None:
        counts = np.bincount(calls.sender, minlength=self._calls.size)
        self._record(self._calls, self._first, self._last, counts, day_index)
        for sender_index, used in pool_used.items():
            size = _pool(self._network.senders[sender_index])[0].size
            if sender_index not in self._pool_calls:
                self._pool_calls[sender_index] = np.zeros(size, dtype=np.int64)
                self._pool_first[sender_index] = np.full(size, _NEVER, dtype=np.int64)
                self._pool_last[sender_index] = np.full(size, _NEVER, dtype=np.int64)
            self._record(
                self._pool_calls[sender_index],
                self._pool_first[sender_index],
                self._pool_last[sender_index],
                np.bincount(used, minlength=size),
                day_index,
            )

    @staticmethod
    def _record(
        total: npt.NDArray[np.int64],
        first: npt.NDArray[np.int64],
        last: npt.NDArray[np.int64],
        counts: npt.NDArray[np.int64],
        day_index: int,
    ) -> None:
        active = counts > 0
        total += counts
        first[active & (first == _NEVER)] = day_index
        last[active] = day_index

    def rows(self) -> list[dict[str, str]]:
        """Entity labels first (in cast order), then the illegal campaigns' caller IDs."""
        network = self._network
        rows: list[dict[str, str]] = []
        members_of = _members(network.senders)
        for label in network.labels:
            members = members_of.get((label["entity_type"], label["entity_id"]), [])
            calls = int(self._calls[members].sum()) if members else 0
            if calls == 0:
                continue
            active = [i for i in members if self._first[i] != _NEVER]
            first = min(int(self._first[i]) for i in active)
            last = max(int(self._last[i]) for i in active)
            rows.append(self._with_tally(label, calls, first, last))
        for sender_index in sorted(self._pool_calls):
            rows.extend(self._caller_id_rows(network.senders[sender_index]))
        return rows

    def _caller_id_rows(self, sender: Sender) -> Iterable[dict[str, str]]:
        """A campaign's reusable caller IDs, as the CDRs present them (E.164, or the raw text
        of an invalid number). One-off spoofed numbers are not listed: neighbour spoofing
        and random spoofing are caught at the sender, not the number."""
        pool, form = _pool(sender)
        calls = self._pool_calls[sender.index]
        first = self._pool_first[sender.index]
        last = self._pool_last[sender.index]
        merged: dict[str, list[int]] = {}
        for position in np.flatnonzero(calls).tolist():
            text = present_caller(int(pool[position]), int(form[position]))
            seen = merged.setdefault(text, [0, int(first[position]), int(last[position])])
            seen[0] += int(calls[position])
            seen[1] = min(seen[1], int(first[position]))
            seen[2] = max(seen[2], int(last[position]))
        for text in sorted(merged):
            total, first_day, last_day = merged[text]
            label = {
                "entity_type": "caller_id",
                "entity_id": text,
                "customer_id": sender.customer_id or "",
                "behaviour": sender.behaviour.name,
                "legitimate": "false",
                "description": f"caller ID presented by {sender.entity_type} {sender.entity_id}",
            }
            yield self._with_tally(label, total, first_day, last_day)

    def _with_tally(
        self, label: dict[str, str], calls: int, first: int, last: int
    ) -> dict[str, str]:
        start = self._network.start
        return {
            **label,
            "calls": str(calls),
            "first_seen": _day(start, first),
            "last_seen": _day(start, last),
        }


def _day(start: date, index: int) -> str:
    return (start + timedelta(days=index)).isoformat()


def _members(senders: list[Sender]) -> dict[tuple[str, str], list[int]]:
    """Which senders' traffic each labelled entity covers (a reseller covers its clients)."""
    members: dict[tuple[str, str], list[int]] = {}
    for sender in senders:
        keys = [
            ("customer", sender.customer_id),
            ("sub_account", sender.sub_account),
            ("upstream_provider", sender.upstream_provider),
        ]
        for entity_type, entity_id in keys:
            if entity_id:
                members.setdefault((entity_type, entity_id), []).append(sender.index)
    return members


def _pool(sender: Sender) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.uint8]]:
    """The caller IDs a sender presents again and again, and their forms."""
    if sender.reused_pool.size:
        return sender.reused_pool, sender.reused_pool_form
    return sender.numbers, np.zeros(sender.numbers.size, dtype=np.uint8)
