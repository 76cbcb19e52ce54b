from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.scorecard_recommendation import ScorecardRecommendation
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.interview_score import InterviewScore





T = TypeVar("T", bound="Scorecard")



@_attrs_define
class Scorecard:
    """ One interviewer's scores on every criterion of the rubric, and their recommendation.

        Attributes:
            interviewer_id (str):
            recommendation (ScorecardRecommendation):
            scores (list[InterviewScore]):
            submitted_at (datetime.datetime):
            summary (None | str | Unset):
     """

    interviewer_id: str
    recommendation: ScorecardRecommendation
    scores: list[InterviewScore]
    submitted_at: datetime.datetime
    summary: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.interview_score import InterviewScore # noqa: PLC0415
        interviewer_id = self.interviewer_id

        recommendation = self.recommendation.value

        scores = []
        for scores_item_data in self.scores:
            scores_item = scores_item_data.to_dict()
            scores.append(scores_item)



        submitted_at = self.submitted_at.isoformat()

        summary: None | str | Unset
        if isinstance(self.summary, Unset):
            summary = UNSET
        else:
            summary = self.summary


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "interviewer_id": interviewer_id,
            "recommendation": recommendation,
            "scores": scores,
            "submitted_at": submitted_at,
        })
        if summary is not UNSET:
            field_dict["summary"] = summary

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.interview_score import InterviewScore # noqa: PLC0415
        d = dict(src_dict)
        interviewer_id = d.pop("interviewer_id")

        recommendation = ScorecardRecommendation(d.pop("recommendation"))




        scores = []
        _scores = d.pop("scores")
        for scores_item_data in (_scores):
            scores_item = InterviewScore.from_dict(scores_item_data)



            scores.append(scores_item)


        submitted_at = datetime.datetime.fromisoformat(d.pop("submitted_at"))




        def _parse_summary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        summary = _parse_summary(d.pop("summary", UNSET))


        scorecard = cls(
            interviewer_id=interviewer_id,
            recommendation=recommendation,
            scores=scores,
            submitted_at=submitted_at,
            summary=summary,
        )


        scorecard.additional_properties = d
        return scorecard

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
