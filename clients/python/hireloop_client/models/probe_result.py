from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="ProbeResult")



@_attrs_define
class ProbeResult:
    """ 
        Attributes:
            answered_at (datetime.datetime):
            deliveries (int):
            latency_ms (float):
            object_bytes (int):
            object_key (str):
            probe_id (str):
            requested_at (datetime.datetime):
            status (str):
     """

    answered_at: datetime.datetime
    deliveries: int
    latency_ms: float
    object_bytes: int
    object_key: str
    probe_id: str
    requested_at: datetime.datetime
    status: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        answered_at = self.answered_at.isoformat()

        deliveries = self.deliveries

        latency_ms = self.latency_ms

        object_bytes = self.object_bytes

        object_key = self.object_key

        probe_id = self.probe_id

        requested_at = self.requested_at.isoformat()

        status = self.status


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "answered_at": answered_at,
            "deliveries": deliveries,
            "latency_ms": latency_ms,
            "object_bytes": object_bytes,
            "object_key": object_key,
            "probe_id": probe_id,
            "requested_at": requested_at,
            "status": status,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        answered_at = datetime.datetime.fromisoformat(d.pop("answered_at"))




        deliveries = d.pop("deliveries")

        latency_ms = d.pop("latency_ms")

        object_bytes = d.pop("object_bytes")

        object_key = d.pop("object_key")

        probe_id = d.pop("probe_id")

        requested_at = datetime.datetime.fromisoformat(d.pop("requested_at"))




        status = d.pop("status")

        probe_result = cls(
            answered_at=answered_at,
            deliveries=deliveries,
            latency_ms=latency_ms,
            object_bytes=object_bytes,
            object_key=object_key,
            probe_id=probe_id,
            requested_at=requested_at,
            status=status,
        )


        probe_result.additional_properties = d
        return probe_result

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
