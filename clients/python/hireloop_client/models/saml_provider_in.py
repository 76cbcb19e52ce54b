from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.saml_provider_in_default_roles_item import SamlProviderInDefaultRolesItem
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.saml_provider_in_role_map import SamlProviderInRoleMap





T = TypeVar("T", bound="SamlProviderIn")



@_attrs_define
class SamlProviderIn:
    """ 
        Attributes:
            metadata_xml (str): The identity provider's SAML 2.0 metadata (its EntityDescriptor: entity ID, an HTTP-Redirect
                single sign-on endpoint and its signing certificate).
            default_roles (list[SamlProviderInDefaultRolesItem] | Unset): Roles every signed-in user gets.
            email_attribute (str | Unset): The attribute holding the user's e-mail (else the NameID, when it is one).
                Default: 'email'.
            name_attribute (str | Unset):  Default: 'displayName'.
            role_attribute (str | Unset): The attribute whose values map to roles. Default: 'groups'.
            role_map (SamlProviderInRoleMap | Unset): A value of the role attribute (e.g. a group) to the roles it grants.
     """

    metadata_xml: str
    default_roles: list[SamlProviderInDefaultRolesItem] | Unset = UNSET
    email_attribute: str | Unset = 'email'
    name_attribute: str | Unset = 'displayName'
    role_attribute: str | Unset = 'groups'
    role_map: SamlProviderInRoleMap | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.saml_provider_in_role_map import SamlProviderInRoleMap # noqa: PLC0415
        metadata_xml = self.metadata_xml

        default_roles: list[str] | Unset = UNSET
        if not isinstance(self.default_roles, Unset):
            default_roles = []
            for default_roles_item_data in self.default_roles:
                default_roles_item = default_roles_item_data.value
                default_roles.append(default_roles_item)



        email_attribute = self.email_attribute

        name_attribute = self.name_attribute

        role_attribute = self.role_attribute

        role_map: dict[str, Any] | Unset = UNSET
        if not isinstance(self.role_map, Unset):
            role_map = self.role_map.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "metadata_xml": metadata_xml,
        })
        if default_roles is not UNSET:
            field_dict["default_roles"] = default_roles
        if email_attribute is not UNSET:
            field_dict["email_attribute"] = email_attribute
        if name_attribute is not UNSET:
            field_dict["name_attribute"] = name_attribute
        if role_attribute is not UNSET:
            field_dict["role_attribute"] = role_attribute
        if role_map is not UNSET:
            field_dict["role_map"] = role_map

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.saml_provider_in_role_map import SamlProviderInRoleMap # noqa: PLC0415
        d = dict(src_dict)
        metadata_xml = d.pop("metadata_xml")

        _default_roles = d.pop("default_roles", UNSET)
        default_roles: list[SamlProviderInDefaultRolesItem] | Unset = UNSET
        if _default_roles is not UNSET:
            default_roles = []
            for default_roles_item_data in _default_roles:
                default_roles_item = SamlProviderInDefaultRolesItem(default_roles_item_data)



                default_roles.append(default_roles_item)


        email_attribute = d.pop("email_attribute", UNSET)

        name_attribute = d.pop("name_attribute", UNSET)

        role_attribute = d.pop("role_attribute", UNSET)

        _role_map = d.pop("role_map", UNSET)
        role_map: SamlProviderInRoleMap | Unset
        if isinstance(_role_map,  Unset):
            role_map = UNSET
        else:
            role_map = SamlProviderInRoleMap.from_dict(_role_map)




        saml_provider_in = cls(
            metadata_xml=metadata_xml,
            default_roles=default_roles,
            email_attribute=email_attribute,
            name_attribute=name_attribute,
            role_attribute=role_attribute,
            role_map=role_map,
        )


        saml_provider_in.additional_properties = d
        return saml_provider_in

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
