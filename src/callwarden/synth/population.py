"""The people the synthetic network calls: a shared population of US telephone numbers.

Every sender draws its callees from this one population, so legitimate and illegal traffic
overlap on the same numbers, as they do in real life. Each NPA-NXX block is either
wireless or wireline (ported numbers are not modelled): the flag drives consent logic,
since prerecorded and autodialled calls to wireless numbers need prior express consent
(47 U.S.C. 227(b)(1)(A)(iii), 47 CFR 64.1200(a)(1)) while informational calls to
landlines do not.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from callwarden.synth.geography import NumberingPlan

#: Share of NPA-NXX blocks assigned to wireless carriers. About 70% of US numbers in use are
#: wireless (CDC NHIS wireless substitution surveys: ~72% of adults wireless-only by 2022).
WIRELESS_BLOCK_SHARE = 0.7


@dataclass(frozen=True)
class Population:
    """Numbers as ten-digit national integers (NPA NXX XXXX), sorted, with their block."""

    plan: NumberingPlan
    block_wireless: npt.NDArray[np.bool_]  # per plan.npa_nxx entry
    numbers: npt.NDArray[np.int64]
    block: npt.NDArray[np.int32]  # index into plan.npa_nxx per number

    def __len__(self) -> int:
        return int(self.numbers.size)

    @property
    def wireless(self) -> npt.NDArray[np.bool_]:
        return self.block_wireless[self.block]

    def block_of(self, national: npt.NDArray[np.int64]) -> npt.NDArray[np.int32]:
        """The plan block of arbitrary numbers (any line in a known NPA-NXX); -1 if unknown."""
        code = (national // 10_000).astype(np.int32)
        position = np.searchsorted(self.plan.npa_nxx, code)
        position = np.minimum(position, self.plan.npa_nxx.size - 1)
        found = self.plan.npa_nxx[position] == code
        return np.where(found, position, -1).astype(np.int32)


def build_population(rng: np.random.Generator, plan: NumberingPlan, size: int) -> Population:
    """``size`` distinct numbers spread over real blocks; big-city blocks get more people."""
    blocks = plan.npa_nxx.size
    block_wireless = rng.random(blocks) < WIRELESS_BLOCK_SHARE
    # Block populations vary a lot (dense metros vs rural exchanges): a lognormal weight.
    weight = rng.lognormal(0.0, 1.0, blocks)
    weight /= weight.sum()
    draw = int(size * 1.05) + 16
    block = rng.choice(blocks, size=draw, p=weight).astype(np.int32)
    line = rng.integers(0, 10_000, size=draw)
    numbers = plan.npa_nxx[block].astype(np.int64) * 10_000 + line
    numbers, first = np.unique(numbers, return_index=True)
    block = block[first]
    if numbers.size > size:
        keep = np.sort(rng.choice(numbers.size, size=size, replace=False))
        numbers, block = numbers[keep], block[keep]
    return Population(plan=plan, block_wireless=block_wireless, numbers=numbers, block=block)
