from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.rubric_ref import RubricRef
  from ..models.scorecard import Scorecard
  from ..models.scores import Scores





T = TypeVar("T", bound="InterviewStage")



@_attrs_define
class InterviewStage:
    """ The live interview (scheduling's `interview.completed`), scored on the interview type's
    rubric: a stage of its own, never mixed into the screening's scores.

        Attributes:
            completed_at (datetime.datetime):
            request_id (str):
            rubric (RubricRef): Which version of a rubric scores were given against, with what it takes to read them.
            scorecards (list[Scorecard]):
            scores (Scores):
     """

    completed_at: datetime.datetime
    request_id: str
    rubric: RubricRef
    scorecards: list[Scorecard]
    scores: Scores
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.rubric_ref import RubricRef # noqa: PLC0415
        from ..models.scorecard import Scorecard # noqa: PLC0415
        from ..models.scores import Scores # noqa: PLC0415
        completed_at = self.completed_at.isoformat()

        request_id = self.request_id

        rubric = self.rubric.to_dict()

        scorecards = []
        for scorecards_item_data in self.scorecards:
            scorecards_item = scorecards_item_data.to_dict()
            scorecards.append(scorecards_item)



        scores = self.scores.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "completed_at": completed_at,
            "request_id": request_id,
            "rubric": rubric,
            "scorecards": scorecards,
            "scores": scores,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rubric_ref import RubricRef # noqa: PLC0415
        from ..models.scorecard import Scorecard # noqa: PLC0415
        from ..models.scores import Scores # noqa: PLC0415
        d = dict(src_dict)
        completed_at = datetime.datetime.fromisoformat(d.pop("completed_at"))




        request_id = d.pop("request_id")

        rubric = RubricRef.from_dict(d.pop("rubric"))




        scorecards = []
        _scorecards = d.pop("scorecards")
        for scorecards_item_data in (_scorecards):
            scorecards_item = Scorecard.from_dict(scorecards_item_data)



            scorecards.append(scorecards_item)


        scores = Scores.from_dict(d.pop("scores"))




        interview_stage = cls(
            completed_at=completed_at,
            request_id=request_id,
            rubric=rubric,
            scorecards=scorecards,
            scores=scores,
        )


        interview_stage.additional_properties = d
        return interview_stage

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
