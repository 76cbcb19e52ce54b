from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.oidc_provider_in_default_roles_item import OidcProviderInDefaultRolesItem
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.oidc_provider_in_role_map import OidcProviderInRoleMap





T = TypeVar("T", bound="OidcProviderIn")



@_attrs_define
class OidcProviderIn:
    """ 
        Attributes:
            client_id (str):
            client_secret (str):
            issuer (str): The provider's issuer; `/.well-known/openid-configuration` is read from it. HTTPS, except a
                loopback address (a provider on this machine).
            default_roles (list[OidcProviderInDefaultRolesItem] | Unset): Roles every signed-in user gets.
            role_claim (str | Unset): The claim (of the ID token or the UserInfo answer) whose values map to roles. Default:
                'groups'.
            role_map (OidcProviderInRoleMap | Unset): A value of the role claim (e.g. a group name) to the roles it grants.
            scopes (list[str] | Unset): Requested scopes; `openid` is always sent.
     """

    client_id: str
    client_secret: str
    issuer: str
    default_roles: list[OidcProviderInDefaultRolesItem] | Unset = UNSET
    role_claim: str | Unset = 'groups'
    role_map: OidcProviderInRoleMap | Unset = UNSET
    scopes: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.oidc_provider_in_role_map import OidcProviderInRoleMap # noqa: PLC0415
        client_id = self.client_id

        client_secret = self.client_secret

        issuer = self.issuer

        default_roles: list[str] | Unset = UNSET
        if not isinstance(self.default_roles, Unset):
            default_roles = []
            for default_roles_item_data in self.default_roles:
                default_roles_item = default_roles_item_data.value
                default_roles.append(default_roles_item)



        role_claim = self.role_claim

        role_map: dict[str, Any] | Unset = UNSET
        if not isinstance(self.role_map, Unset):
            role_map = self.role_map.to_dict()

        scopes: list[str] | Unset = UNSET
        if not isinstance(self.scopes, Unset):
            scopes = self.scopes




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "client_id": client_id,
            "client_secret": client_secret,
            "issuer": issuer,
        })
        if default_roles is not UNSET:
            field_dict["default_roles"] = default_roles
        if role_claim is not UNSET:
            field_dict["role_claim"] = role_claim
        if role_map is not UNSET:
            field_dict["role_map"] = role_map
        if scopes is not UNSET:
            field_dict["scopes"] = scopes

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.oidc_provider_in_role_map import OidcProviderInRoleMap # noqa: PLC0415
        d = dict(src_dict)
        client_id = d.pop("client_id")

        client_secret = d.pop("client_secret")

        issuer = d.pop("issuer")

        _default_roles = d.pop("default_roles", UNSET)
        default_roles: list[OidcProviderInDefaultRolesItem] | Unset = UNSET
        if _default_roles is not UNSET:
            default_roles = []
            for default_roles_item_data in _default_roles:
                default_roles_item = OidcProviderInDefaultRolesItem(default_roles_item_data)



                default_roles.append(default_roles_item)


        role_claim = d.pop("role_claim", UNSET)

        _role_map = d.pop("role_map", UNSET)
        role_map: OidcProviderInRoleMap | Unset
        if isinstance(_role_map,  Unset):
            role_map = UNSET
        else:
            role_map = OidcProviderInRoleMap.from_dict(_role_map)




        scopes = cast(list[str], d.pop("scopes", UNSET))


        oidc_provider_in = cls(
            client_id=client_id,
            client_secret=client_secret,
            issuer=issuer,
            default_roles=default_roles,
            role_claim=role_claim,
            role_map=role_map,
            scopes=scopes,
        )


        oidc_provider_in.additional_properties = d
        return oidc_provider_in

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
