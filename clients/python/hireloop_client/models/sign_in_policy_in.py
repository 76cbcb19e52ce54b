from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="SignInPolicyIn")



@_attrs_define
class SignInPolicyIn:
    """ 
        Attributes:
            require_sso (bool): Staff sign in only through the provider; local passwords are refused.
            break_glass_email (None | str | Unset): One admin who keeps a local password (for when the provider is down).
     """

    require_sso: bool
    break_glass_email: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        require_sso = self.require_sso

        break_glass_email: None | str | Unset
        if isinstance(self.break_glass_email, Unset):
            break_glass_email = UNSET
        else:
            break_glass_email = self.break_glass_email


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "require_sso": require_sso,
        })
        if break_glass_email is not UNSET:
            field_dict["break_glass_email"] = break_glass_email

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        require_sso = d.pop("require_sso")

        def _parse_break_glass_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        break_glass_email = _parse_break_glass_email(d.pop("break_glass_email", UNSET))


        sign_in_policy_in = cls(
            require_sso=require_sso,
            break_glass_email=break_glass_email,
        )


        sign_in_policy_in.additional_properties = d
        return sign_in_policy_in

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
