from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ReviewSettingsIn")



@_attrs_define
class ReviewSettingsIn:
    """ 
        Attributes:
            blind (bool | None | Unset): Withhold identity until a decision; null: the invitation's.
            per_candidate (int | None | Unset): Reviewers per candidate; null: every reviewer.
            reviewer_ids (list[str] | Unset): Principals of the panel, e.g. `user:<id>`.
     """

    blind: bool | None | Unset = UNSET
    per_candidate: int | None | Unset = UNSET
    reviewer_ids: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        blind: bool | None | Unset
        if isinstance(self.blind, Unset):
            blind = UNSET
        else:
            blind = self.blind

        per_candidate: int | None | Unset
        if isinstance(self.per_candidate, Unset):
            per_candidate = UNSET
        else:
            per_candidate = self.per_candidate

        reviewer_ids: list[str] | Unset = UNSET
        if not isinstance(self.reviewer_ids, Unset):
            reviewer_ids = self.reviewer_ids




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if blind is not UNSET:
            field_dict["blind"] = blind
        if per_candidate is not UNSET:
            field_dict["per_candidate"] = per_candidate
        if reviewer_ids is not UNSET:
            field_dict["reviewer_ids"] = reviewer_ids

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_blind(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        blind = _parse_blind(d.pop("blind", UNSET))


        def _parse_per_candidate(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        per_candidate = _parse_per_candidate(d.pop("per_candidate", UNSET))


        reviewer_ids = cast(list[str], d.pop("reviewer_ids", UNSET))


        review_settings_in = cls(
            blind=blind,
            per_candidate=per_candidate,
            reviewer_ids=reviewer_ids,
        )


        review_settings_in.additional_properties = d
        return review_settings_in

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
