"""The rubric model every assessment stage shares: criteria with a behavioural anchor for every point
of a scale, the score one person gives on one criterion, and the overall recommendation.

The screening review (review service, per question set) and the live interview (scheduling
service, per interview type) define, version and score their rubrics with these models, and
`interview.completed` carries scores in this shape, so one reader understands both stages.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Recommendation = Literal["strong_no", "no", "yes", "strong_yes"]
CRITERION_ID = r"^[a-z0-9_-]{1,40}$"


class Criterion(BaseModel):
    id: str = Field(pattern=CRITERION_ID)
    name: str = Field(min_length=1, max_length=200)
    description: str | None = Field(default=None, max_length=2000)
    question_ids: list[str] | None = Field(
        default=None,
        description="Screening only: the questions it applies to; default: every question.",
    )
    anchors: dict[int, str] = Field(
        description="A behavioural anchor for every point of the scale (point -> description).",
        json_schema_extra={"propertyNames": {"pattern": "^(?:[0-9]|10)$"}},
    )


class Rubric(BaseModel):
    """A scale and the criteria scored on it; every criterion is scored."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "scale_min": 1,
                    "scale_max": 3,
                    "criteria": [
                        {
                            "id": "communication",
                            "name": "Communication",
                            "anchors": {"1": "Hard to follow", "2": "Clear", "3": "Compelling"},
                        }
                    ],
                }
            ]
        }
    )

    scale_min: int = Field(default=1, ge=0, le=10)
    scale_max: int = Field(default=5, ge=1, le=10)
    criteria: list[Criterion] = Field(min_length=1, max_length=30)

    @model_validator(mode="after")
    def consistent(self) -> Rubric:
        if self.scale_max <= self.scale_min:
            raise ValueError("scale_max must be above scale_min")
        points = set(range(self.scale_min, self.scale_max + 1))
        ids = [c.id for c in self.criteria]
        if len(set(ids)) != len(ids):
            raise ValueError("criterion ids must be unique")
        for c in self.criteria:
            if set(c.anchors) != points:
                raise ValueError(
                    f"criterion {c.id}: give an anchor for every point {sorted(points)}"
                )
        return self


class RubricRef(BaseModel):
    """Which version of a rubric scores were given against, with what it takes to read them."""

    version: int
    scale_min: int
    scale_max: int
    criterion_ids: list[str]

    @classmethod
    def of(cls, rubric: Rubric, version: int) -> RubricRef:
        return cls(
            version=version,
            scale_min=rubric.scale_min,
            scale_max=rubric.scale_max,
            criterion_ids=[c.id for c in rubric.criteria],
        )


class CriterionScore(BaseModel):
    """One person's score on one criterion, on the rubric's scale."""

    criterion_id: str
    score: int
