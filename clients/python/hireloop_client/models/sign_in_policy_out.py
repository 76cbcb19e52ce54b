from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="SignInPolicyOut")



@_attrs_define
class SignInPolicyOut:
    """ 
        Attributes:
            break_glass_email (None | str):
            require_sso (bool):
     """

    break_glass_email: None | str
    require_sso: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        break_glass_email: None | str
        break_glass_email = self.break_glass_email

        require_sso = self.require_sso


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "break_glass_email": break_glass_email,
            "require_sso": require_sso,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_break_glass_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        break_glass_email = _parse_break_glass_email(d.pop("break_glass_email"))


        require_sso = d.pop("require_sso")

        sign_in_policy_out = cls(
            break_glass_email=break_glass_email,
            require_sso=require_sso,
        )


        sign_in_policy_out.additional_properties = d
        return sign_in_policy_out

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
