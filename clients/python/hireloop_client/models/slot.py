from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="Slot")



@_attrs_define
class Slot:
    """ 
        Attributes:
            end (datetime.datetime):
            local_end (str):
            local_start (str):
            start (datetime.datetime):
            interviewer_ids (list[str] | None | Unset):
     """

    end: datetime.datetime
    local_end: str
    local_start: str
    start: datetime.datetime
    interviewer_ids: list[str] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        end = self.end.isoformat()

        local_end = self.local_end

        local_start = self.local_start

        start = self.start.isoformat()

        interviewer_ids: list[str] | None | Unset
        if isinstance(self.interviewer_ids, Unset):
            interviewer_ids = UNSET
        elif isinstance(self.interviewer_ids, list):
            interviewer_ids = self.interviewer_ids


        else:
            interviewer_ids = self.interviewer_ids


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "end": end,
            "local_end": local_end,
            "local_start": local_start,
            "start": start,
        })
        if interviewer_ids is not UNSET:
            field_dict["interviewer_ids"] = interviewer_ids

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        end = datetime.datetime.fromisoformat(d.pop("end"))




        local_end = d.pop("local_end")

        local_start = d.pop("local_start")

        start = datetime.datetime.fromisoformat(d.pop("start"))




        def _parse_interviewer_ids(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                interviewer_ids_type_0 = cast(list[str], data)

                return interviewer_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        interviewer_ids = _parse_interviewer_ids(d.pop("interviewer_ids", UNSET))


        slot = cls(
            end=end,
            local_end=local_end,
            local_start=local_start,
            start=start,
            interviewer_ids=interviewer_ids,
        )


        slot.additional_properties = d
        return slot

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
