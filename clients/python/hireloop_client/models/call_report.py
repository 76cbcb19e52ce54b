from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="CallReport")



@_attrs_define
class CallReport:
    """ What a participant's browser measured of the media it receives since its last report.

        Attributes:
            kbps (float): Bitrate received, kbit/s.
            loss_ratio (float): Packets lost / packets sent to it.
            first_frame_seconds (float | None | Unset): From entering the room to the first remote video frame (the first
                report).
     """

    kbps: float
    loss_ratio: float
    first_frame_seconds: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        kbps = self.kbps

        loss_ratio = self.loss_ratio

        first_frame_seconds: float | None | Unset
        if isinstance(self.first_frame_seconds, Unset):
            first_frame_seconds = UNSET
        else:
            first_frame_seconds = self.first_frame_seconds


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "kbps": kbps,
            "loss_ratio": loss_ratio,
        })
        if first_frame_seconds is not UNSET:
            field_dict["first_frame_seconds"] = first_frame_seconds

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kbps = d.pop("kbps")

        loss_ratio = d.pop("loss_ratio")

        def _parse_first_frame_seconds(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        first_frame_seconds = _parse_first_frame_seconds(d.pop("first_frame_seconds", UNSET))


        call_report = cls(
            kbps=kbps,
            loss_ratio=loss_ratio,
            first_frame_seconds=first_frame_seconds,
        )


        call_report.additional_properties = d
        return call_report

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
