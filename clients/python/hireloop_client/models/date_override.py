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
  from ..models.time_range import TimeRange





T = TypeVar("T", bound="DateOverride")



@_attrs_define
class DateOverride:
    """ Replaces the weekly rule on one date; no ranges means not available that day.

        Attributes:
            date (datetime.date):
            ranges (list[TimeRange] | Unset):
     """

    date: datetime.date
    ranges: list[TimeRange] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.time_range import TimeRange # noqa: PLC0415
        date = self.date.isoformat()

        ranges: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.ranges, Unset):
            ranges = []
            for ranges_item_data in self.ranges:
                ranges_item = ranges_item_data.to_dict()
                ranges.append(ranges_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "date": date,
        })
        if ranges is not UNSET:
            field_dict["ranges"] = ranges

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.time_range import TimeRange # noqa: PLC0415
        d = dict(src_dict)
        date = datetime.date.fromisoformat(d.pop("date"))




        _ranges = d.pop("ranges", UNSET)
        ranges: list[TimeRange] | Unset = UNSET
        if _ranges is not UNSET:
            ranges = []
            for ranges_item_data in _ranges:
                ranges_item = TimeRange.from_dict(ranges_item_data)



                ranges.append(ranges_item)


        date_override = cls(
            date=date,
            ranges=ranges,
        )

        return date_override

