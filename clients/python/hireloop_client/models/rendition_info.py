from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="RenditionInfo")



@_attrs_define
class RenditionInfo:
    """ 
        Attributes:
            bandwidth (int):
            height (int):
            name (str):
            width (int):
     """

    bandwidth: int
    height: int
    name: str
    width: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        bandwidth = self.bandwidth

        height = self.height

        name = self.name

        width = self.width


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "bandwidth": bandwidth,
            "height": height,
            "name": name,
            "width": width,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        bandwidth = d.pop("bandwidth")

        height = d.pop("height")

        name = d.pop("name")

        width = d.pop("width")

        rendition_info = cls(
            bandwidth=bandwidth,
            height=height,
            name=name,
            width=width,
        )


        rendition_info.additional_properties = d
        return rendition_info

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
