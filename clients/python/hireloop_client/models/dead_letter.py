from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="DeadLetter")



@_attrs_define
class DeadLetter:
    """ 
        Attributes:
            attempts (None | str):
            body (str):
            error (str):
            error_type (str):
            event_id (None | str):
            failed_at (str):
            group (str):
            id (str):
            status (str):
            tenant (None | str):
            type_ (str):
     """

    attempts: None | str
    body: str
    error: str
    error_type: str
    event_id: None | str
    failed_at: str
    group: str
    id: str
    status: str
    tenant: None | str
    type_: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        attempts: None | str
        attempts = self.attempts

        body = self.body

        error = self.error

        error_type = self.error_type

        event_id: None | str
        event_id = self.event_id

        failed_at = self.failed_at

        group = self.group

        id = self.id

        status = self.status

        tenant: None | str
        tenant = self.tenant

        type_ = self.type_


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "attempts": attempts,
            "body": body,
            "error": error,
            "error_type": error_type,
            "event_id": event_id,
            "failed_at": failed_at,
            "group": group,
            "id": id,
            "status": status,
            "tenant": tenant,
            "type": type_,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_attempts(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        attempts = _parse_attempts(d.pop("attempts"))


        body = d.pop("body")

        error = d.pop("error")

        error_type = d.pop("error_type")

        def _parse_event_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        event_id = _parse_event_id(d.pop("event_id"))


        failed_at = d.pop("failed_at")

        group = d.pop("group")

        id = d.pop("id")

        status = d.pop("status")

        def _parse_tenant(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        tenant = _parse_tenant(d.pop("tenant"))


        type_ = d.pop("type")

        dead_letter = cls(
            attempts=attempts,
            body=body,
            error=error,
            error_type=error_type,
            event_id=event_id,
            failed_at=failed_at,
            group=group,
            id=id,
            status=status,
            tenant=tenant,
            type_=type_,
        )


        dead_letter.additional_properties = d
        return dead_letter

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
