from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.saml_provider_out_role_map import SamlProviderOutRoleMap





T = TypeVar("T", bound="SamlProviderOut")



@_attrs_define
class SamlProviderOut:
    """ 
        Attributes:
            acs_url (str): Our assertion consumer service (HTTP-POST).
            default_roles (list[str]):
            email_attribute (str):
            entity_id (str): The identity provider's entity ID.
            name_attribute (str):
            role_attribute (str):
            role_map (SamlProviderOutRoleMap):
            sp_entity_id (str): Our entity ID (the audience of its assertions).
            sp_metadata_url (str): Our metadata, for the provider's configuration.
            sso_url (str): Its single sign-on endpoint (HTTP-Redirect).
            updated_at (datetime.datetime):
     """

    acs_url: str
    default_roles: list[str]
    email_attribute: str
    entity_id: str
    name_attribute: str
    role_attribute: str
    role_map: SamlProviderOutRoleMap
    sp_entity_id: str
    sp_metadata_url: str
    sso_url: str
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.saml_provider_out_role_map import SamlProviderOutRoleMap # noqa: PLC0415
        acs_url = self.acs_url

        default_roles = self.default_roles



        email_attribute = self.email_attribute

        entity_id = self.entity_id

        name_attribute = self.name_attribute

        role_attribute = self.role_attribute

        role_map = self.role_map.to_dict()

        sp_entity_id = self.sp_entity_id

        sp_metadata_url = self.sp_metadata_url

        sso_url = self.sso_url

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "acs_url": acs_url,
            "default_roles": default_roles,
            "email_attribute": email_attribute,
            "entity_id": entity_id,
            "name_attribute": name_attribute,
            "role_attribute": role_attribute,
            "role_map": role_map,
            "sp_entity_id": sp_entity_id,
            "sp_metadata_url": sp_metadata_url,
            "sso_url": sso_url,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.saml_provider_out_role_map import SamlProviderOutRoleMap # noqa: PLC0415
        d = dict(src_dict)
        acs_url = d.pop("acs_url")

        default_roles = cast(list[str], d.pop("default_roles"))


        email_attribute = d.pop("email_attribute")

        entity_id = d.pop("entity_id")

        name_attribute = d.pop("name_attribute")

        role_attribute = d.pop("role_attribute")

        role_map = SamlProviderOutRoleMap.from_dict(d.pop("role_map"))




        sp_entity_id = d.pop("sp_entity_id")

        sp_metadata_url = d.pop("sp_metadata_url")

        sso_url = d.pop("sso_url")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        saml_provider_out = cls(
            acs_url=acs_url,
            default_roles=default_roles,
            email_attribute=email_attribute,
            entity_id=entity_id,
            name_attribute=name_attribute,
            role_attribute=role_attribute,
            role_map=role_map,
            sp_entity_id=sp_entity_id,
            sp_metadata_url=sp_metadata_url,
            sso_url=sso_url,
            updated_at=updated_at,
        )


        saml_provider_out.additional_properties = d
        return saml_provider_out

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
