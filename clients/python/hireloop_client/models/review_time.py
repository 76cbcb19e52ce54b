from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.durations import Durations
  from ..models.reviewer_time import ReviewerTime





T = TypeVar("T", bound="ReviewTime")



@_attrs_define
class ReviewTime:
    """ 
        Attributes:
            completed (int): Candidates who completed the interview.
            player_minutes_per_candidate (float | None): Minutes the player played per candidate viewed, all reviewers
                together.
            position_id (str):
            reviewers (list[ReviewerTime]):
            to_decision (Durations):
            to_first_review (Durations):
            waiting_for_first_review (int):
            wall_minutes_per_candidate (float | None): Minutes a candidate's submission was open on screen, all reviewers
                together.
     """

    completed: int
    player_minutes_per_candidate: float | None
    position_id: str
    reviewers: list[ReviewerTime]
    to_decision: Durations
    to_first_review: Durations
    waiting_for_first_review: int
    wall_minutes_per_candidate: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.durations import Durations # noqa: PLC0415
        from ..models.reviewer_time import ReviewerTime # noqa: PLC0415
        completed = self.completed

        player_minutes_per_candidate: float | None
        player_minutes_per_candidate = self.player_minutes_per_candidate

        position_id = self.position_id

        reviewers = []
        for reviewers_item_data in self.reviewers:
            reviewers_item = reviewers_item_data.to_dict()
            reviewers.append(reviewers_item)



        to_decision = self.to_decision.to_dict()

        to_first_review = self.to_first_review.to_dict()

        waiting_for_first_review = self.waiting_for_first_review

        wall_minutes_per_candidate: float | None
        wall_minutes_per_candidate = self.wall_minutes_per_candidate


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "completed": completed,
            "player_minutes_per_candidate": player_minutes_per_candidate,
            "position_id": position_id,
            "reviewers": reviewers,
            "to_decision": to_decision,
            "to_first_review": to_first_review,
            "waiting_for_first_review": waiting_for_first_review,
            "wall_minutes_per_candidate": wall_minutes_per_candidate,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.durations import Durations # noqa: PLC0415
        from ..models.reviewer_time import ReviewerTime # noqa: PLC0415
        d = dict(src_dict)
        completed = d.pop("completed")

        def _parse_player_minutes_per_candidate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        player_minutes_per_candidate = _parse_player_minutes_per_candidate(d.pop("player_minutes_per_candidate"))


        position_id = d.pop("position_id")

        reviewers = []
        _reviewers = d.pop("reviewers")
        for reviewers_item_data in (_reviewers):
            reviewers_item = ReviewerTime.from_dict(reviewers_item_data)



            reviewers.append(reviewers_item)


        to_decision = Durations.from_dict(d.pop("to_decision"))




        to_first_review = Durations.from_dict(d.pop("to_first_review"))




        waiting_for_first_review = d.pop("waiting_for_first_review")

        def _parse_wall_minutes_per_candidate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        wall_minutes_per_candidate = _parse_wall_minutes_per_candidate(d.pop("wall_minutes_per_candidate"))


        review_time = cls(
            completed=completed,
            player_minutes_per_candidate=player_minutes_per_candidate,
            position_id=position_id,
            reviewers=reviewers,
            to_decision=to_decision,
            to_first_review=to_first_review,
            waiting_for_first_review=waiting_for_first_review,
            wall_minutes_per_candidate=wall_minutes_per_candidate,
        )


        review_time.additional_properties = d
        return review_time

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
