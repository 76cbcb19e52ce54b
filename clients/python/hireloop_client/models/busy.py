from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.busy_source import BusySource
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.period import Period





T = TypeVar("T", bound="Busy")



@_attrs_define
class Busy:
    """ 
        Attributes:
            interviewer_id (str):
            periods (list[Period]):
            source (BusySource):
            updated_at (datetime.datetime):
     """

    interviewer_id: str
    periods: list[Period]
    source: BusySource
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.period import Period # noqa: PLC0415
        interviewer_id = self.interviewer_id

        periods = []
        for periods_item_data in self.periods:
            periods_item = periods_item_data.to_dict()
            periods.append(periods_item)



        source = self.source.value

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "interviewer_id": interviewer_id,
            "periods": periods,
            "source": source,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.period import Period # noqa: PLC0415
        d = dict(src_dict)
        interviewer_id = d.pop("interviewer_id")

        periods = []
        _periods = d.pop("periods")
        for periods_item_data in (_periods):
            periods_item = Period.from_dict(periods_item_data)



            periods.append(periods_item)


        source = BusySource(d.pop("source"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        busy = cls(
            interviewer_id=interviewer_id,
            periods=periods,
            source=source,
            updated_at=updated_at,
        )


        busy.additional_properties = d
        return busy

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
