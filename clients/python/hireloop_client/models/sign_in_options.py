from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="SignInOptions")



@_attrs_define
class SignInOptions:
    """ 
        Attributes:
            oidc (bool): The tenant signs in through its OpenID provider.
            required (bool): Local passwords are refused (except a break-glass admin).
            saml (bool | Unset): The tenant signs in through a SAML provider. Default: False.
            start_path (None | str | Unset): Where the sign-in page sends the browser (with `?next=`).
     """

    oidc: bool
    required: bool
    saml: bool | Unset = False
    start_path: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        oidc = self.oidc

        required = self.required

        saml = self.saml

        start_path: None | str | Unset
        if isinstance(self.start_path, Unset):
            start_path = UNSET
        else:
            start_path = self.start_path


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "oidc": oidc,
            "required": required,
        })
        if saml is not UNSET:
            field_dict["saml"] = saml
        if start_path is not UNSET:
            field_dict["start_path"] = start_path

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        oidc = d.pop("oidc")

        required = d.pop("required")

        saml = d.pop("saml", UNSET)

        def _parse_start_path(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        start_path = _parse_start_path(d.pop("start_path", UNSET))


        sign_in_options = cls(
            oidc=oidc,
            required=required,
            saml=saml,
            start_path=start_path,
        )


        sign_in_options.additional_properties = d
        return sign_in_options

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
