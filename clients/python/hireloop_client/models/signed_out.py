from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="SignedOut")



@_attrs_define
class SignedOut:
    """ 
        Attributes:
            provider_logout_url (None | str): Where to send the browser to end the provider's session too (when the user
                signed in through it and it offers RP-initiated logout).
     """

    provider_logout_url: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        provider_logout_url: None | str
        provider_logout_url = self.provider_logout_url


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "provider_logout_url": provider_logout_url,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_provider_logout_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        provider_logout_url = _parse_provider_logout_url(d.pop("provider_logout_url"))


        signed_out = cls(
            provider_logout_url=provider_logout_url,
        )


        signed_out.additional_properties = d
        return signed_out

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
