from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.oidc_provider_out_role_map import OidcProviderOutRoleMap





T = TypeVar("T", bound="OidcProviderOut")



@_attrs_define
class OidcProviderOut:
    """ 
        Attributes:
            client_id (str):
            default_roles (list[str]):
            issuer (str):
            post_logout_redirect_uri (str): Register this for sign-out.
            redirect_uri (str): Register this as the client's redirect URI.
            role_claim (str):
            role_map (OidcProviderOutRoleMap):
            scopes (list[str]):
            updated_at (datetime.datetime):
     """

    client_id: str
    default_roles: list[str]
    issuer: str
    post_logout_redirect_uri: str
    redirect_uri: str
    role_claim: str
    role_map: OidcProviderOutRoleMap
    scopes: list[str]
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.oidc_provider_out_role_map import OidcProviderOutRoleMap # noqa: PLC0415
        client_id = self.client_id

        default_roles = self.default_roles



        issuer = self.issuer

        post_logout_redirect_uri = self.post_logout_redirect_uri

        redirect_uri = self.redirect_uri

        role_claim = self.role_claim

        role_map = self.role_map.to_dict()

        scopes = self.scopes



        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "client_id": client_id,
            "default_roles": default_roles,
            "issuer": issuer,
            "post_logout_redirect_uri": post_logout_redirect_uri,
            "redirect_uri": redirect_uri,
            "role_claim": role_claim,
            "role_map": role_map,
            "scopes": scopes,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.oidc_provider_out_role_map import OidcProviderOutRoleMap # noqa: PLC0415
        d = dict(src_dict)
        client_id = d.pop("client_id")

        default_roles = cast(list[str], d.pop("default_roles"))


        issuer = d.pop("issuer")

        post_logout_redirect_uri = d.pop("post_logout_redirect_uri")

        redirect_uri = d.pop("redirect_uri")

        role_claim = d.pop("role_claim")

        role_map = OidcProviderOutRoleMap.from_dict(d.pop("role_map"))




        scopes = cast(list[str], d.pop("scopes"))


        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        oidc_provider_out = cls(
            client_id=client_id,
            default_roles=default_roles,
            issuer=issuer,
            post_logout_redirect_uri=post_logout_redirect_uri,
            redirect_uri=redirect_uri,
            role_claim=role_claim,
            role_map=role_map,
            scopes=scopes,
            updated_at=updated_at,
        )


        oidc_provider_out.additional_properties = d
        return oidc_provider_out

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
