from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="ReviewerOffset")



@_attrs_define
class ReviewerOffset:
    """ 
        Attributes:
            mean_offset (float | None): Mean of (score - unit's panel mean).
            ratings (int):
            reviewer (str):
     """

    mean_offset: float | None
    ratings: int
    reviewer: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        mean_offset: float | None
        mean_offset = self.mean_offset

        ratings = self.ratings

        reviewer = self.reviewer


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "mean_offset": mean_offset,
            "ratings": ratings,
            "reviewer": reviewer,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_mean_offset(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        mean_offset = _parse_mean_offset(d.pop("mean_offset"))


        ratings = d.pop("ratings")

        reviewer = d.pop("reviewer")

        reviewer_offset = cls(
            mean_offset=mean_offset,
            ratings=ratings,
            reviewer=reviewer,
        )


        reviewer_offset.additional_properties = d
        return reviewer_offset

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
