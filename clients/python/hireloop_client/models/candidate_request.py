from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.candidate_request_language_type_0 import CandidateRequestLanguageType0
from ..models.candidate_request_status import CandidateRequestStatus
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.booking import Booking





T = TypeVar("T", bound="CandidateRequest")



@_attrs_define
class CandidateRequest:
    """ What the candidate's page shows: no other candidate's or interviewer's data.

        Attributes:
            booking (Booking | None):
            can_cancel (bool):
            can_reschedule (bool):
            candidate_name (str):
            duration_minutes (int | None):
            interview_name (None | str):
            request_id (str):
            status (CandidateRequestStatus):
            language (CandidateRequestLanguageType0 | None | Unset): The language to show unless the candidate chose one.
     """

    booking: Booking | None
    can_cancel: bool
    can_reschedule: bool
    candidate_name: str
    duration_minutes: int | None
    interview_name: None | str
    request_id: str
    status: CandidateRequestStatus
    language: CandidateRequestLanguageType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.booking import Booking # noqa: PLC0415
        booking: dict[str, Any] | None
        if isinstance(self.booking, Booking):
            booking = self.booking.to_dict()
        else:
            booking = self.booking

        can_cancel = self.can_cancel

        can_reschedule = self.can_reschedule

        candidate_name = self.candidate_name

        duration_minutes: int | None
        duration_minutes = self.duration_minutes

        interview_name: None | str
        interview_name = self.interview_name

        request_id = self.request_id

        status = self.status.value

        language: None | str | Unset
        if isinstance(self.language, Unset):
            language = UNSET
        elif isinstance(self.language, CandidateRequestLanguageType0):
            language = self.language.value
        else:
            language = self.language


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "booking": booking,
            "can_cancel": can_cancel,
            "can_reschedule": can_reschedule,
            "candidate_name": candidate_name,
            "duration_minutes": duration_minutes,
            "interview_name": interview_name,
            "request_id": request_id,
            "status": status,
        })
        if language is not UNSET:
            field_dict["language"] = language

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.booking import Booking # noqa: PLC0415
        d = dict(src_dict)
        def _parse_booking(data: object) -> Booking | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                booking_type_0 = Booking.from_dict(data)



                return booking_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Booking | None, data)

        booking = _parse_booking(d.pop("booking"))


        can_cancel = d.pop("can_cancel")

        can_reschedule = d.pop("can_reschedule")

        candidate_name = d.pop("candidate_name")

        def _parse_duration_minutes(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        duration_minutes = _parse_duration_minutes(d.pop("duration_minutes"))


        def _parse_interview_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        interview_name = _parse_interview_name(d.pop("interview_name"))


        request_id = d.pop("request_id")

        status = CandidateRequestStatus(d.pop("status"))




        def _parse_language(data: object) -> CandidateRequestLanguageType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                language_type_0 = CandidateRequestLanguageType0(data)



                return language_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CandidateRequestLanguageType0 | None | Unset, data)

        language = _parse_language(d.pop("language", UNSET))


        candidate_request = cls(
            booking=booking,
            can_cancel=can_cancel,
            can_reschedule=can_reschedule,
            candidate_name=candidate_name,
            duration_minutes=duration_minutes,
            interview_name=interview_name,
            request_id=request_id,
            status=status,
            language=language,
        )


        candidate_request.additional_properties = d
        return candidate_request

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
