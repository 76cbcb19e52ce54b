from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.scheduling_request_status import SchedulingRequestStatus
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.booking import Booking





T = TypeVar("T", bound="SchedulingRequest")



@_attrs_define
class SchedulingRequest:
    """ 
        Attributes:
            booking (Booking | None):
            candidate_email (str):
            candidate_name (str):
            created_at (datetime.datetime):
            interview_type_id (None | str):
            invitation_id (str):
            position_id (str):
            request_id (str):
            reschedules (int):
            self_scheduling (bool):
            status (SchedulingRequestStatus):
            token_expires_at (datetime.datetime | None):
     """

    booking: Booking | None
    candidate_email: str
    candidate_name: str
    created_at: datetime.datetime
    interview_type_id: None | str
    invitation_id: str
    position_id: str
    request_id: str
    reschedules: int
    self_scheduling: bool
    status: SchedulingRequestStatus
    token_expires_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.booking import Booking # noqa: PLC0415
        booking: dict[str, Any] | None
        if isinstance(self.booking, Booking):
            booking = self.booking.to_dict()
        else:
            booking = self.booking

        candidate_email = self.candidate_email

        candidate_name = self.candidate_name

        created_at = self.created_at.isoformat()

        interview_type_id: None | str
        interview_type_id = self.interview_type_id

        invitation_id = self.invitation_id

        position_id = self.position_id

        request_id = self.request_id

        reschedules = self.reschedules

        self_scheduling = self.self_scheduling

        status = self.status.value

        token_expires_at: None | str
        if isinstance(self.token_expires_at, datetime.datetime):
            token_expires_at = self.token_expires_at.isoformat()
        else:
            token_expires_at = self.token_expires_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "booking": booking,
            "candidate_email": candidate_email,
            "candidate_name": candidate_name,
            "created_at": created_at,
            "interview_type_id": interview_type_id,
            "invitation_id": invitation_id,
            "position_id": position_id,
            "request_id": request_id,
            "reschedules": reschedules,
            "self_scheduling": self_scheduling,
            "status": status,
            "token_expires_at": token_expires_at,
        })

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


        candidate_email = d.pop("candidate_email")

        candidate_name = d.pop("candidate_name")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_interview_type_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        interview_type_id = _parse_interview_type_id(d.pop("interview_type_id"))


        invitation_id = d.pop("invitation_id")

        position_id = d.pop("position_id")

        request_id = d.pop("request_id")

        reschedules = d.pop("reschedules")

        self_scheduling = d.pop("self_scheduling")

        status = SchedulingRequestStatus(d.pop("status"))




        def _parse_token_expires_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                token_expires_at_type_0 = datetime.datetime.fromisoformat(data)



                return token_expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        token_expires_at = _parse_token_expires_at(d.pop("token_expires_at"))


        scheduling_request = cls(
            booking=booking,
            candidate_email=candidate_email,
            candidate_name=candidate_name,
            created_at=created_at,
            interview_type_id=interview_type_id,
            invitation_id=invitation_id,
            position_id=position_id,
            request_id=request_id,
            reschedules=reschedules,
            self_scheduling=self_scheduling,
            status=status,
            token_expires_at=token_expires_at,
        )


        scheduling_request.additional_properties = d
        return scheduling_request

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
