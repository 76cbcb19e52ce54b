from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.position_out_counts import PositionOutCounts
  from ..models.position_out_decisions import PositionOutDecisions





T = TypeVar("T", bound="PositionOut")



@_attrs_define
class PositionOut:
    """ 
        Attributes:
            created_at (datetime.datetime):
            id (str):
            question_set_id (str):
            title (str):
            blind_review (bool | Unset):  Default: False.
            closed_at (datetime.datetime | None | Unset): When it was closed to new invitations (open: null).
            counts (PositionOutCounts | Unset): Invitations per state.
            deadline_days (int | Unset):  Default: 7.
            decisions (PositionOutDecisions | Unset): Reviewed invitations per screening decision (advanced, ...).
            erase_at (datetime.datetime | None | Unset): When its candidates' data is erased: the close plus the tenant's
                retention period (open: null).
            erased_at (datetime.datetime | None | Unset): When its candidates' data was erased by the retention sweep.
            language (str | Unset): The language candidates answer in (ISO 639-1, e.g. `en`, `de`); transcripts are made in
                it. Default: 'en'.
            question_set_version (int | None | Unset):
            reminder_hours (list[int] | Unset):
            reviewer_ids (list[str] | Unset):
            reviewers_per_candidate (int | None | Unset):
     """

    created_at: datetime.datetime
    id: str
    question_set_id: str
    title: str
    blind_review: bool | Unset = False
    closed_at: datetime.datetime | None | Unset = UNSET
    counts: PositionOutCounts | Unset = UNSET
    deadline_days: int | Unset = 7
    decisions: PositionOutDecisions | Unset = UNSET
    erase_at: datetime.datetime | None | Unset = UNSET
    erased_at: datetime.datetime | None | Unset = UNSET
    language: str | Unset = 'en'
    question_set_version: int | None | Unset = UNSET
    reminder_hours: list[int] | Unset = UNSET
    reviewer_ids: list[str] | Unset = UNSET
    reviewers_per_candidate: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.position_out_counts import PositionOutCounts # noqa: PLC0415
        from ..models.position_out_decisions import PositionOutDecisions # noqa: PLC0415
        created_at = self.created_at.isoformat()

        id = self.id

        question_set_id = self.question_set_id

        title = self.title

        blind_review = self.blind_review

        closed_at: None | str | Unset
        if isinstance(self.closed_at, Unset):
            closed_at = UNSET
        elif isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        counts: dict[str, Any] | Unset = UNSET
        if not isinstance(self.counts, Unset):
            counts = self.counts.to_dict()

        deadline_days = self.deadline_days

        decisions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.decisions, Unset):
            decisions = self.decisions.to_dict()

        erase_at: None | str | Unset
        if isinstance(self.erase_at, Unset):
            erase_at = UNSET
        elif isinstance(self.erase_at, datetime.datetime):
            erase_at = self.erase_at.isoformat()
        else:
            erase_at = self.erase_at

        erased_at: None | str | Unset
        if isinstance(self.erased_at, Unset):
            erased_at = UNSET
        elif isinstance(self.erased_at, datetime.datetime):
            erased_at = self.erased_at.isoformat()
        else:
            erased_at = self.erased_at

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
            "created_at": created_at,
            "id": id,
            "question_set_id": question_set_id,
            "title": title,
        })
        if blind_review is not UNSET:
            field_dict["blind_review"] = blind_review
        if closed_at is not UNSET:
            field_dict["closed_at"] = closed_at
        if counts is not UNSET:
            field_dict["counts"] = counts
        if deadline_days is not UNSET:
            field_dict["deadline_days"] = deadline_days
        if decisions is not UNSET:
            field_dict["decisions"] = decisions
        if erase_at is not UNSET:
            field_dict["erase_at"] = erase_at
        if erased_at is not UNSET:
            field_dict["erased_at"] = erased_at
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
        from ..models.position_out_counts import PositionOutCounts # noqa: PLC0415
        from ..models.position_out_decisions import PositionOutDecisions # noqa: PLC0415
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        id = d.pop("id")

        question_set_id = d.pop("question_set_id")

        title = d.pop("title")

        blind_review = d.pop("blind_review", UNSET)

        def _parse_closed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)



                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        closed_at = _parse_closed_at(d.pop("closed_at", UNSET))


        _counts = d.pop("counts", UNSET)
        counts: PositionOutCounts | Unset
        if isinstance(_counts,  Unset):
            counts = UNSET
        else:
            counts = PositionOutCounts.from_dict(_counts)




        deadline_days = d.pop("deadline_days", UNSET)

        _decisions = d.pop("decisions", UNSET)
        decisions: PositionOutDecisions | Unset
        if isinstance(_decisions,  Unset):
            decisions = UNSET
        else:
            decisions = PositionOutDecisions.from_dict(_decisions)




        def _parse_erase_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                erase_at_type_0 = datetime.datetime.fromisoformat(data)



                return erase_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        erase_at = _parse_erase_at(d.pop("erase_at", UNSET))


        def _parse_erased_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                erased_at_type_0 = datetime.datetime.fromisoformat(data)



                return erased_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        erased_at = _parse_erased_at(d.pop("erased_at", UNSET))


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


        position_out = cls(
            created_at=created_at,
            id=id,
            question_set_id=question_set_id,
            title=title,
            blind_review=blind_review,
            closed_at=closed_at,
            counts=counts,
            deadline_days=deadline_days,
            decisions=decisions,
            erase_at=erase_at,
            erased_at=erased_at,
            language=language,
            question_set_version=question_set_version,
            reminder_hours=reminder_hours,
            reviewer_ids=reviewer_ids,
            reviewers_per_candidate=reviewers_per_candidate,
        )


        position_out.additional_properties = d
        return position_out

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
