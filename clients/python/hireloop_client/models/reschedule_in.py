from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="RescheduleIn")



@_attrs_define
class RescheduleIn:
    """ 
        Attributes:
            start (datetime.datetime):
            interviewer_id (None | str | Unset):
            reason (None | str | Unset):
            time_zone (None | str | Unset):
     """

    start: datetime.datetime
    interviewer_id: None | str | Unset = UNSET
    reason: None | str | Unset = UNSET
    time_zone: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        start = self.start.isoformat()

        interviewer_id: None | str | Unset
        if isinstance(self.interviewer_id, Unset):
            interviewer_id = UNSET
        else:
            interviewer_id = self.interviewer_id

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        time_zone: None | str | Unset
        if isinstance(self.time_zone, Unset):
            time_zone = UNSET
        else:
            time_zone = self.time_zone


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "start": start,
        })
        if interviewer_id is not UNSET:
            field_dict["interviewer_id"] = interviewer_id
        if reason is not UNSET:
            field_dict["reason"] = reason
        if time_zone is not UNSET:
            field_dict["time_zone"] = time_zone

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        start = datetime.datetime.fromisoformat(d.pop("start"))




        def _parse_interviewer_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        interviewer_id = _parse_interviewer_id(d.pop("interviewer_id", UNSET))


        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        def _parse_time_zone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        time_zone = _parse_time_zone(d.pop("time_zone", UNSET))


        reschedule_in = cls(
            start=start,
            interviewer_id=interviewer_id,
            reason=reason,
            time_zone=time_zone,
        )

        return reschedule_in

