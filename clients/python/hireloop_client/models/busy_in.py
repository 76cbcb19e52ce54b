from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.period import Period





T = TypeVar("T", bound="BusyIn")



@_attrs_define
class BusyIn:
    """ Busy periods from elsewhere (another calendar), replacing those previously sent this way.

        Attributes:
            periods (list[Period]):
     """

    periods: list[Period]





    def to_dict(self) -> dict[str, Any]:
        from ..models.period import Period # noqa: PLC0415
        periods = []
        for periods_item_data in self.periods:
            periods_item = periods_item_data.to_dict()
            periods.append(periods_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "periods": periods,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.period import Period # noqa: PLC0415
        d = dict(src_dict)
        periods = []
        _periods = d.pop("periods")
        for periods_item_data in (_periods):
            periods_item = Period.from_dict(periods_item_data)



            periods.append(periods_item)


        busy_in = cls(
            periods=periods,
        )

        return busy_in

