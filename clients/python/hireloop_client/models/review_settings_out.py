from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="ReviewSettingsOut")



@_attrs_define
class ReviewSettingsOut:
    """ 
        Attributes:
            position_id (str):
            assigned (int | Unset): Assignments created by this change. Default: 0.
            blind (bool | None | Unset): Withhold identity until a decision; null: the invitation's.
            per_candidate (int | None | Unset): Reviewers per candidate; null: every reviewer.
            position_title (None | str | Unset):
            question_set_id (None | str | Unset):
            reviewer_ids (list[str] | Unset): Principals of the panel, e.g. `user:<id>`.
            updated_at (datetime.datetime | None | Unset):
     """

    position_id: str
    assigned: int | Unset = 0
    blind: bool | None | Unset = UNSET
    per_candidate: int | None | Unset = UNSET
    position_title: None | str | Unset = UNSET
    question_set_id: None | str | Unset = UNSET
    reviewer_ids: list[str] | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        position_id = self.position_id

        assigned = self.assigned

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

        position_title: None | str | Unset
        if isinstance(self.position_title, Unset):
            position_title = UNSET
        else:
            position_title = self.position_title

        question_set_id: None | str | Unset
        if isinstance(self.question_set_id, Unset):
            question_set_id = UNSET
        else:
            question_set_id = self.question_set_id

        reviewer_ids: list[str] | Unset = UNSET
        if not isinstance(self.reviewer_ids, Unset):
            reviewer_ids = self.reviewer_ids



        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "position_id": position_id,
        })
        if assigned is not UNSET:
            field_dict["assigned"] = assigned
        if blind is not UNSET:
            field_dict["blind"] = blind
        if per_candidate is not UNSET:
            field_dict["per_candidate"] = per_candidate
        if position_title is not UNSET:
            field_dict["position_title"] = position_title
        if question_set_id is not UNSET:
            field_dict["question_set_id"] = question_set_id
        if reviewer_ids is not UNSET:
            field_dict["reviewer_ids"] = reviewer_ids
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        position_id = d.pop("position_id")

        assigned = d.pop("assigned", UNSET)

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


        def _parse_position_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        position_title = _parse_position_title(d.pop("position_title", UNSET))


        def _parse_question_set_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        question_set_id = _parse_question_set_id(d.pop("question_set_id", UNSET))


        reviewer_ids = cast(list[str], d.pop("reviewer_ids", UNSET))


        def _parse_updated_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)



                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        updated_at = _parse_updated_at(d.pop("updated_at", UNSET))


        review_settings_out = cls(
            position_id=position_id,
            assigned=assigned,
            blind=blind,
            per_candidate=per_candidate,
            position_title=position_title,
            question_set_id=question_set_id,
            reviewer_ids=reviewer_ids,
            updated_at=updated_at,
        )


        review_settings_out.additional_properties = d
        return review_settings_out

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
