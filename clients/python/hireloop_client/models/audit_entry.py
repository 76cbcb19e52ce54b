from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.audit_entry_subjects import AuditEntrySubjects





T = TypeVar("T", bound="AuditEntry")



@_attrs_define
class AuditEntry:
    """ 
        Attributes:
            action (str): The operation, e.g. `GET /v1/invitations/{invitation_id}`.
            at (datetime.datetime):
            id (str):
            ip (None | str):
            kind (str): `user`, `api_key`, `share`, `sign_in` or `scim`.
            principal (str): `user:<id>`, `key:<id>`, `scim:<tenant>`, `share:<id>` (a share link's holder) or `anonymous`.
            status (int):
            subjects (AuditEntrySubjects): The ids the operation named (path parameters).
     """

    action: str
    at: datetime.datetime
    id: str
    ip: None | str
    kind: str
    principal: str
    status: int
    subjects: AuditEntrySubjects
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.audit_entry_subjects import AuditEntrySubjects # noqa: PLC0415
        action = self.action

        at = self.at.isoformat()

        id = self.id

        ip: None | str
        ip = self.ip

        kind = self.kind

        principal = self.principal

        status = self.status

        subjects = self.subjects.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "action": action,
            "at": at,
            "id": id,
            "ip": ip,
            "kind": kind,
            "principal": principal,
            "status": status,
            "subjects": subjects,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audit_entry_subjects import AuditEntrySubjects # noqa: PLC0415
        d = dict(src_dict)
        action = d.pop("action")

        at = datetime.datetime.fromisoformat(d.pop("at"))




        id = d.pop("id")

        def _parse_ip(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        ip = _parse_ip(d.pop("ip"))


        kind = d.pop("kind")

        principal = d.pop("principal")

        status = d.pop("status")

        subjects = AuditEntrySubjects.from_dict(d.pop("subjects"))




        audit_entry = cls(
            action=action,
            at=at,
            id=id,
            ip=ip,
            kind=kind,
            principal=principal,
            status=status,
            subjects=subjects,
        )


        audit_entry.additional_properties = d
        return audit_entry

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
