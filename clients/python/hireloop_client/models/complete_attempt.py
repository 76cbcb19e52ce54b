from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="CompleteAttempt")



@_attrs_define
class CompleteAttempt:
    """ 
        Attributes:
            parts (int): How many chunks or parts the recording has (0..n-1).
            interrupted (bool | Unset): The recording was cut short (the page was reloaded or closed mid-answer): if its end
                is incomplete, keep the whole clusters or fragments before it as the answer (`salvaged: true`) instead of
                rejecting it as `truncated`. Default: False.
     """

    parts: int
    interrupted: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        parts = self.parts

        interrupted = self.interrupted


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "parts": parts,
        })
        if interrupted is not UNSET:
            field_dict["interrupted"] = interrupted

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        parts = d.pop("parts")

        interrupted = d.pop("interrupted", UNSET)

        complete_attempt = cls(
            parts=parts,
            interrupted=interrupted,
        )


        complete_attempt.additional_properties = d
        return complete_attempt

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
