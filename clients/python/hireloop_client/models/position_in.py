from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="PositionIn")



@_attrs_define
class PositionIn:
    """ 
        Attributes:
            question_set_id (str):
            title (str):
            blind_review (bool | Unset):  Default: False.
            deadline_days (int | Unset):  Default: 7.
            language (str | Unset): The language candidates answer in (ISO 639-1, e.g. `en`, `de`); transcripts are made in
                it. Default: 'en'.
            question_set_version (int | None | Unset): Default: the latest.
            reminder_hours (list[int] | Unset):
            reviewer_ids (list[str] | Unset):
            reviewers_per_candidate (int | None | Unset):
     """

    question_set_id: str
    title: str
    blind_review: bool | Unset = False
    deadline_days: int | Unset = 7
    language: str | Unset = 'en'
    question_set_version: int | None | Unset = UNSET
    reminder_hours: list[int] | Unset = UNSET
    reviewer_ids: list[str] | Unset = UNSET
    reviewers_per_candidate: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        question_set_id = self.question_set_id

        title = self.title

        blind_review = self.blind_review

        deadline_days = self.deadline_days

        language = self.language

        question_set_version: int | None | Unset
        if isinstance(self.question_set_version, Unset):
            question_set_version = UNSET
        else:
            question_set_version = self.question_set_version

        reminder_hours: list[int] | Unset = UNSET
        if not isinstance(self.reminder_hours, Unset):
            reminder_hours = self.reminder_hours



        reviewer_ids: list[str] | Unset = UNSET
        if not isinstance(self.reviewer_ids, Unset):
            reviewer_ids = self.reviewer_ids



        reviewers_per_candidate: int | None | Unset
        if isinstance(self.reviewers_per_candidate, Unset):
            reviewers_per_candidate = UNSET
        else:
            reviewers_per_candidate = self.reviewers_per_candidate


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "question_set_id": question_set_id,
            "title": title,
        })
        if blind_review is not UNSET:
            field_dict["blind_review"] = blind_review
        if deadline_days is not UNSET:
            field_dict["deadline_days"] = deadline_days
        if language is not UNSET:
            field_dict["language"] = language
        if question_set_version is not UNSET:
            field_dict["question_set_version"] = question_set_version
        if reminder_hours is not UNSET:
            field_dict["reminder_hours"] = reminder_hours
        if reviewer_ids is not UNSET:
            field_dict["reviewer_ids"] = reviewer_ids
        if reviewers_per_candidate is not UNSET:
            field_dict["reviewers_per_candidate"] = reviewers_per_candidate

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        question_set_id = d.pop("question_set_id")

        title = d.pop("title")

        blind_review = d.pop("blind_review", UNSET)

        deadline_days = d.pop("deadline_days", UNSET)

        language = d.pop("language", UNSET)

        def _parse_question_set_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        question_set_version = _parse_question_set_version(d.pop("question_set_version", UNSET))


        reminder_hours = cast(list[int], d.pop("reminder_hours", UNSET))


        reviewer_ids = cast(list[str], d.pop("reviewer_ids", UNSET))


        def _parse_reviewers_per_candidate(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        reviewers_per_candidate = _parse_reviewers_per_candidate(d.pop("reviewers_per_candidate", UNSET))


        position_in = cls(
            question_set_id=question_set_id,
            title=title,
            blind_review=blind_review,
            deadline_days=deadline_days,
            language=language,
            question_set_version=question_set_version,
            reminder_hours=reminder_hours,
            reviewer_ids=reviewer_ids,
            reviewers_per_candidate=reviewers_per_candidate,
        )


        position_in.additional_properties = d
        return position_in

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
