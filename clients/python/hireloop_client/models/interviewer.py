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
  from ..models.date_override import DateOverride
  from ..models.interviewer_weekly import InterviewerWeekly
  from ..models.period import Period





T = TypeVar("T", bound="Interviewer")



@_attrs_define
class Interviewer:
    """ 
        Attributes:
            email (str):
            interviewer_id (str):
            name (str):
            time_zone (str):
            updated_at (datetime.datetime):
            blocked (list[Period] | Unset):
            buffer_after_minutes (int | Unset):  Default: 0.
            buffer_before_minutes (int | Unset):  Default: 0.
            max_per_day (int | None | Unset):
            overrides (list[DateOverride] | Unset):
            user_id (None | str | Unset):
            weekly (InterviewerWeekly | Unset):
     """

    email: str
    interviewer_id: str
    name: str
    time_zone: str
    updated_at: datetime.datetime
    blocked: list[Period] | Unset = UNSET
    buffer_after_minutes: int | Unset = 0
    buffer_before_minutes: int | Unset = 0
    max_per_day: int | None | Unset = UNSET
    overrides: list[DateOverride] | Unset = UNSET
    user_id: None | str | Unset = UNSET
    weekly: InterviewerWeekly | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.date_override import DateOverride # noqa: PLC0415
        from ..models.interviewer_weekly import InterviewerWeekly # noqa: PLC0415
        from ..models.period import Period # noqa: PLC0415
        email = self.email

        interviewer_id = self.interviewer_id

        name = self.name

        time_zone = self.time_zone

        updated_at = self.updated_at.isoformat()

        blocked: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.blocked, Unset):
            blocked = []
            for blocked_item_data in self.blocked:
                blocked_item = blocked_item_data.to_dict()
                blocked.append(blocked_item)



        buffer_after_minutes = self.buffer_after_minutes

        buffer_before_minutes = self.buffer_before_minutes

        max_per_day: int | None | Unset
        if isinstance(self.max_per_day, Unset):
            max_per_day = UNSET
        else:
            max_per_day = self.max_per_day

        overrides: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.overrides, Unset):
            overrides = []
            for overrides_item_data in self.overrides:
                overrides_item = overrides_item_data.to_dict()
                overrides.append(overrides_item)



        user_id: None | str | Unset
        if isinstance(self.user_id, Unset):
            user_id = UNSET
        else:
            user_id = self.user_id

        weekly: dict[str, Any] | Unset = UNSET
        if not isinstance(self.weekly, Unset):
            weekly = self.weekly.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "email": email,
            "interviewer_id": interviewer_id,
            "name": name,
            "time_zone": time_zone,
            "updated_at": updated_at,
        })
        if blocked is not UNSET:
            field_dict["blocked"] = blocked
        if buffer_after_minutes is not UNSET:
            field_dict["buffer_after_minutes"] = buffer_after_minutes
        if buffer_before_minutes is not UNSET:
            field_dict["buffer_before_minutes"] = buffer_before_minutes
        if max_per_day is not UNSET:
            field_dict["max_per_day"] = max_per_day
        if overrides is not UNSET:
            field_dict["overrides"] = overrides
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if weekly is not UNSET:
            field_dict["weekly"] = weekly

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.date_override import DateOverride # noqa: PLC0415
        from ..models.interviewer_weekly import InterviewerWeekly # noqa: PLC0415
        from ..models.period import Period # noqa: PLC0415
        d = dict(src_dict)
        email = d.pop("email")

        interviewer_id = d.pop("interviewer_id")

        name = d.pop("name")

        time_zone = d.pop("time_zone")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        _blocked = d.pop("blocked", UNSET)
        blocked: list[Period] | Unset = UNSET
        if _blocked is not UNSET:
            blocked = []
            for blocked_item_data in _blocked:
                blocked_item = Period.from_dict(blocked_item_data)



                blocked.append(blocked_item)


        buffer_after_minutes = d.pop("buffer_after_minutes", UNSET)

        buffer_before_minutes = d.pop("buffer_before_minutes", UNSET)

        def _parse_max_per_day(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_per_day = _parse_max_per_day(d.pop("max_per_day", UNSET))


        _overrides = d.pop("overrides", UNSET)
        overrides: list[DateOverride] | Unset = UNSET
        if _overrides is not UNSET:
            overrides = []
            for overrides_item_data in _overrides:
                overrides_item = DateOverride.from_dict(overrides_item_data)



                overrides.append(overrides_item)


        def _parse_user_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        user_id = _parse_user_id(d.pop("user_id", UNSET))


        _weekly = d.pop("weekly", UNSET)
        weekly: InterviewerWeekly | Unset
        if isinstance(_weekly,  Unset):
            weekly = UNSET
        else:
            weekly = InterviewerWeekly.from_dict(_weekly)




        interviewer = cls(
            email=email,
            interviewer_id=interviewer_id,
            name=name,
            time_zone=time_zone,
            updated_at=updated_at,
            blocked=blocked,
            buffer_after_minutes=buffer_after_minutes,
            buffer_before_minutes=buffer_before_minutes,
            max_per_day=max_per_day,
            overrides=overrides,
            user_id=user_id,
            weekly=weekly,
        )

        return interviewer

