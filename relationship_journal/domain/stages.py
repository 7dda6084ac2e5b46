"""Relationships move through stages; two stage models come with the product."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StageModel:
    key: str
    name: str
    stages: tuple[str, ...]
    cyclic: bool = False
    critical: frozenset[str] = frozenset()

    def next_stage(self, current: str) -> str | None:
        """The stage after ``current``: a cycle starts over, a line stops at its end."""
        index = self.stages.index(current)
        if index + 1 < len(self.stages):
            return self.stages[index + 1]
        return self.stages[0] if self.cyclic else None


SIX_STAGES = StageModel(
    key="six-stages",
    name="Six stages",
    stages=("wooing", "purchase", "honeymoon", "forming", "storming", "norming"),
    critical=frozenset({"storming"}),
)

PURCHASE_CYCLE = StageModel(
    key="purchase-cycle",
    name="Purchase cycle",
    stages=("pre-purchase", "purchase decision", "product experience", "post-purchase"),
    cyclic=True,
)

BUILTIN_MODELS: tuple[StageModel, ...] = (SIX_STAGES, PURCHASE_CYCLE)
DEFAULT_MODEL = SIX_STAGES

STAGE_HINTS: dict[str, str] = {
    "wooing": "Lay the foundations: listen, show you know their business.",
    "purchase": "Promises are being made: set expectations you can beat.",
    "honeymoon": "They look for reasons the decision was right: give them some.",
    "forming": "Find how to work together; explain how things work before it surprises them.",
    "storming": "Critical: reality sets in. Respond fast, with empathy and flexibility.",
    "norming": "Standards have settled: recognise long-term loyalty, keep deepening.",
}


def model_by_key(key: str, extra: tuple[StageModel, ...] = ()) -> StageModel:
    for model in (*BUILTIN_MODELS, *extra):
        if model.key == key:
            return model
    raise KeyError(key)


def is_critical(stage: str | None) -> bool:
    return stage is not None and any(stage in model.critical for model in BUILTIN_MODELS)
