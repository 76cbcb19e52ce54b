from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.feedback_in_recommendation import FeedbackInRecommendation
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.score_in import ScoreIn





T = TypeVar("T", bound="FeedbackIn")



@_attrs_define
class FeedbackIn:
    """ An interviewer's scores on every criterion of the rubric, and an overall recommendation.

        Attributes:
            interviewer_id (str):
            recommendation (FeedbackInRecommendation):
            scores (list[ScoreIn]):
            summary (None | str | Unset):
     """

    interviewer_id: str
    recommendation: FeedbackInRecommendation
    scores: list[ScoreIn]
    summary: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.score_in import ScoreIn # noqa: PLC0415
        interviewer_id = self.interviewer_id

        recommendation = self.recommendation.value

        scores = []
        for scores_item_data in self.scores:
            scores_item = scores_item_data.to_dict()
            scores.append(scores_item)



        summary: None | str | Unset
        if isinstance(self.summary, Unset):
            summary = UNSET
        else:
            summary = self.summary


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "interviewer_id": interviewer_id,
            "recommendation": recommendation,
            "scores": scores,
        })
        if summary is not UNSET:
            field_dict["summary"] = summary

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.score_in import ScoreIn # noqa: PLC0415
        d = dict(src_dict)
        interviewer_id = d.pop("interviewer_id")

        recommendation = FeedbackInRecommendation(d.pop("recommendation"))




        scores = []
        _scores = d.pop("scores")
        for scores_item_data in (_scores):
            scores_item = ScoreIn.from_dict(scores_item_data)



            scores.append(scores_item)


        def _parse_summary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        summary = _parse_summary(d.pop("summary", UNSET))


        feedback_in = cls(
            interviewer_id=interviewer_id,
            recommendation=recommendation,
            scores=scores,
            summary=summary,
        )

        return feedback_in

