from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.bulk_row_status import BulkRowStatus
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="BulkRow")



@_attrs_define
class BulkRow:
    """ 
        Attributes:
            row (int): 1-based data row number (the header is row 0).
            status (BulkRowStatus):
            email (None | str | Unset):
            invitation_id (None | str | Unset):
            reason (None | str | Unset):
     """

    row: int
    status: BulkRowStatus
    email: None | str | Unset = UNSET
    invitation_id: None | str | Unset = UNSET
    reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        row = self.row

        status = self.status.value

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        invitation_id: None | str | Unset
        if isinstance(self.invitation_id, Unset):
            invitation_id = UNSET
        else:
            invitation_id = self.invitation_id

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "row": row,
            "status": status,
        })
        if email is not UNSET:
            field_dict["email"] = email
        if invitation_id is not UNSET:
            field_dict["invitation_id"] = invitation_id
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        row = d.pop("row")

        status = BulkRowStatus(d.pop("status"))




        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))


        def _parse_invitation_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        invitation_id = _parse_invitation_id(d.pop("invitation_id", UNSET))


        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        bulk_row = cls(
            row=row,
            status=status,
            email=email,
            invitation_id=invitation_id,
            reason=reason,
        )


        bulk_row.additional_properties = d
        return bulk_row

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
