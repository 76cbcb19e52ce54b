from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Accommodations")



@_attrs_define
class Accommodations:
    """ 
        Attributes:
            extra_retakes (int | Unset):  Default: 0.
            note (None | str | Unset):
            time_multiplier (float | Unset):  Default: 1.0.
     """

    extra_retakes: int | Unset = 0
    note: None | str | Unset = UNSET
    time_multiplier: float | Unset = 1.0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        extra_retakes = self.extra_retakes

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        time_multiplier = self.time_multiplier


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if extra_retakes is not UNSET:
            field_dict["extra_retakes"] = extra_retakes
        if note is not UNSET:
            field_dict["note"] = note
        if time_multiplier is not UNSET:
            field_dict["time_multiplier"] = time_multiplier

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        extra_retakes = d.pop("extra_retakes", UNSET)

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))


        time_multiplier = d.pop("time_multiplier", UNSET)

        accommodations = cls(
            extra_retakes=extra_retakes,
            note=note,
            time_multiplier=time_multiplier,
        )


        accommodations.additional_properties = d
        return accommodations

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
