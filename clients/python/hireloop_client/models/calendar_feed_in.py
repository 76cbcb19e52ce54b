from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="CalendarFeedIn")



@_attrs_define
class CalendarFeedIn:
    """ An iCalendar document (VFREEBUSY or VEVENTs) whose busy time replaces the previous feed's.

        Attributes:
            calendar (str):
     """

    calendar: str





    def to_dict(self) -> dict[str, Any]:
        calendar = self.calendar


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "calendar": calendar,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        calendar = d.pop("calendar")

        calendar_feed_in = cls(
            calendar=calendar,
        )

        return calendar_feed_in

