from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ResponseErrorIn")



@_attrs_define
class ResponseErrorIn:
    """ 
        Attributes:
            errors (list[Any] | Unset):
            message (None | str | Unset):
            partner_interview_id (None | str | Unset):
     """

    errors: list[Any] | Unset = UNSET
    message: None | str | Unset = UNSET
    partner_interview_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        errors: list[Any] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = self.errors



        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        partner_interview_id: None | str | Unset
        if isinstance(self.partner_interview_id, Unset):
            partner_interview_id = UNSET
        else:
            partner_interview_id = self.partner_interview_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if errors is not UNSET:
            field_dict["errors"] = errors
        if message is not UNSET:
            field_dict["message"] = message
        if partner_interview_id is not UNSET:
            field_dict["partner_interview_id"] = partner_interview_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        errors = cast(list[Any], d.pop("errors", UNSET))


        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))


        def _parse_partner_interview_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        partner_interview_id = _parse_partner_interview_id(d.pop("partner_interview_id", UNSET))


        response_error_in = cls(
            errors=errors,
            message=message,
            partner_interview_id=partner_interview_id,
        )


        response_error_in.additional_properties = d
        return response_error_in

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
