from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="ReviewerTime")



@_attrs_define
class ReviewerTime:
    """ 
        Attributes:
            candidates_reviewed (int):
            candidates_viewed (int):
            median_hours_to_review (float | None): From a candidate's completion to this reviewer's review of them.
            player_minutes_per_candidate (float | None):
            reviewer (str):
            wall_minutes_per_candidate (float | None):
     """

    candidates_reviewed: int
    candidates_viewed: int
    median_hours_to_review: float | None
    player_minutes_per_candidate: float | None
    reviewer: str
    wall_minutes_per_candidate: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        candidates_reviewed = self.candidates_reviewed

        candidates_viewed = self.candidates_viewed

        median_hours_to_review: float | None
        median_hours_to_review = self.median_hours_to_review

        player_minutes_per_candidate: float | None
        player_minutes_per_candidate = self.player_minutes_per_candidate

        reviewer = self.reviewer

        wall_minutes_per_candidate: float | None
        wall_minutes_per_candidate = self.wall_minutes_per_candidate


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "candidates_reviewed": candidates_reviewed,
            "candidates_viewed": candidates_viewed,
            "median_hours_to_review": median_hours_to_review,
            "player_minutes_per_candidate": player_minutes_per_candidate,
            "reviewer": reviewer,
            "wall_minutes_per_candidate": wall_minutes_per_candidate,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        candidates_reviewed = d.pop("candidates_reviewed")

        candidates_viewed = d.pop("candidates_viewed")

        def _parse_median_hours_to_review(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        median_hours_to_review = _parse_median_hours_to_review(d.pop("median_hours_to_review"))


        def _parse_player_minutes_per_candidate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        player_minutes_per_candidate = _parse_player_minutes_per_candidate(d.pop("player_minutes_per_candidate"))


        reviewer = d.pop("reviewer")

        def _parse_wall_minutes_per_candidate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        wall_minutes_per_candidate = _parse_wall_minutes_per_candidate(d.pop("wall_minutes_per_candidate"))


        reviewer_time = cls(
            candidates_reviewed=candidates_reviewed,
            candidates_viewed=candidates_viewed,
            median_hours_to_review=median_hours_to_review,
            player_minutes_per_candidate=player_minutes_per_candidate,
            reviewer=reviewer,
            wall_minutes_per_candidate=wall_minutes_per_candidate,
        )


        reviewer_time.additional_properties = d
        return reviewer_time

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
