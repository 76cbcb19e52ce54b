from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.user_in_roles_item import UserInRolesItem
from typing import cast






T = TypeVar("T", bound="UserIn")



@_attrs_define
class UserIn:
    """ 
        Attributes:
            email (str):
            name (str):
            password (str):
            roles (list[UserInRolesItem]): Any of admin, recruiter, reviewer, interviewer.
     """

    email: str
    name: str
    password: str
    roles: list[UserInRolesItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        email = self.email

        name = self.name

        password = self.password

        roles = []
        for roles_item_data in self.roles:
            roles_item = roles_item_data.value
            roles.append(roles_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "email": email,
            "name": name,
            "password": password,
            "roles": roles,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        name = d.pop("name")

        password = d.pop("password")

        roles = []
        _roles = d.pop("roles")
        for roles_item_data in (_roles):
            roles_item = UserInRolesItem(roles_item_data)



            roles.append(roles_item)


        user_in = cls(
            email=email,
            name=name,
            password=password,
            roles=roles,
        )


        user_in.additional_properties = d
        return user_in

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
