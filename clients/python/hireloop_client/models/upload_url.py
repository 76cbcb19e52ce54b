from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import Literal, cast






T = TypeVar("T", bound="UploadUrl")



@_attrs_define
class UploadUrl:
    """ 
        Attributes:
            seq (int):
            url (str):
            method (Literal['PUT'] | Unset):  Default: 'PUT'.
     """

    seq: int
    url: str
    method: Literal['PUT'] | Unset = 'PUT'
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        seq = self.seq

        url = self.url

        method = self.method


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "seq": seq,
            "url": url,
        })
        if method is not UNSET:
            field_dict["method"] = method

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        seq = d.pop("seq")

        url = d.pop("url")

        method = cast(Literal['PUT'] | Unset , d.pop("method", UNSET))
        if method != 'PUT'and not isinstance(method, Unset):
            raise ValueError(f"method must match const 'PUT', got '{method}'")

        upload_url = cls(
            seq=seq,
            url=url,
            method=method,
        )


        upload_url.additional_properties = d
        return upload_url

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
