from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="Me")



@_attrs_define
class Me:
    """ 
        Attributes:
            kind (str):
            principal (str):
            roles (list[str]):
            scopes (list[str]):
            tenant (str):
     """

    kind: str
    principal: str
    roles: list[str]
    scopes: list[str]
    tenant: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        principal = self.principal

        roles = self.roles



        scopes = self.scopes



        tenant = self.tenant


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "kind": kind,
            "principal": principal,
            "roles": roles,
            "scopes": scopes,
            "tenant": tenant,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = d.pop("kind")

        principal = d.pop("principal")

        roles = cast(list[str], d.pop("roles"))


        scopes = cast(list[str], d.pop("scopes"))


        tenant = d.pop("tenant")

        me = cls(
            kind=kind,
            principal=principal,
            roles=roles,
            scopes=scopes,
            tenant=tenant,
        )


        me.additional_properties = d
        return me

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
