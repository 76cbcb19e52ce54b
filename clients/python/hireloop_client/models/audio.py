from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="Audio")



@_attrs_define
class Audio:
    """ 
        Attributes:
            has_audio (bool):
            near_silent (bool):
            silent (bool):
     """

    has_audio: bool
    near_silent: bool
    silent: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        has_audio = self.has_audio

        near_silent = self.near_silent

        silent = self.silent


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "has_audio": has_audio,
            "near_silent": near_silent,
            "silent": silent,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        has_audio = d.pop("has_audio")

        near_silent = d.pop("near_silent")

        silent = d.pop("silent")

        audio = cls(
            has_audio=has_audio,
            near_silent=near_silent,
            silent=silent,
        )


        audio.additional_properties = d
        return audio

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
