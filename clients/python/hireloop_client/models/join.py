from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.join_ice_transport_policy import JoinIceTransportPolicy
from ..models.join_role import JoinRole
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.ice_server import IceServer





T = TypeVar("T", bound="Join")



@_attrs_define
class Join:
    """ How to enter the room on Janus: its HTTP API, the VideoRoom room and a token of one's own
    (for Janus's `token` on every request and the VideoRoom `join`).

        Attributes:
            display (str):
            expires_at (datetime.datetime):
            janus_url (str):
            role (JoinRole):
            room (int):
            token (str):
            ice_servers (list[IceServer] | Unset): TURN relays for `RTCPeerConnection` (`iceServers`).
            ice_transport_policy (JoinIceTransportPolicy | Unset): `relay`: connect through the TURN relays only. Default:
                JoinIceTransportPolicy.ALL.
     """

    display: str
    expires_at: datetime.datetime
    janus_url: str
    role: JoinRole
    room: int
    token: str
    ice_servers: list[IceServer] | Unset = UNSET
    ice_transport_policy: JoinIceTransportPolicy | Unset = JoinIceTransportPolicy.ALL
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.ice_server import IceServer # noqa: PLC0415
        display = self.display

        expires_at = self.expires_at.isoformat()

        janus_url = self.janus_url

        role = self.role.value

        room = self.room

        token = self.token

        ice_servers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.ice_servers, Unset):
            ice_servers = []
            for ice_servers_item_data in self.ice_servers:
                ice_servers_item = ice_servers_item_data.to_dict()
                ice_servers.append(ice_servers_item)



        ice_transport_policy: str | Unset = UNSET
        if not isinstance(self.ice_transport_policy, Unset):
            ice_transport_policy = self.ice_transport_policy.value



        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "display": display,
            "expires_at": expires_at,
            "janus_url": janus_url,
            "role": role,
            "room": room,
            "token": token,
        })
        if ice_servers is not UNSET:
            field_dict["ice_servers"] = ice_servers
        if ice_transport_policy is not UNSET:
            field_dict["ice_transport_policy"] = ice_transport_policy

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ice_server import IceServer # noqa: PLC0415
        d = dict(src_dict)
        display = d.pop("display")

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))




        janus_url = d.pop("janus_url")

        role = JoinRole(d.pop("role"))




        room = d.pop("room")

        token = d.pop("token")

        _ice_servers = d.pop("ice_servers", UNSET)
        ice_servers: list[IceServer] | Unset = UNSET
        if _ice_servers is not UNSET:
            ice_servers = []
            for ice_servers_item_data in _ice_servers:
                ice_servers_item = IceServer.from_dict(ice_servers_item_data)



                ice_servers.append(ice_servers_item)


        _ice_transport_policy = d.pop("ice_transport_policy", UNSET)
        ice_transport_policy: JoinIceTransportPolicy | Unset
        if isinstance(_ice_transport_policy,  Unset):
            ice_transport_policy = UNSET
        else:
            ice_transport_policy = JoinIceTransportPolicy(_ice_transport_policy)




        join = cls(
            display=display,
            expires_at=expires_at,
            janus_url=janus_url,
            role=role,
            room=room,
            token=token,
            ice_servers=ice_servers,
            ice_transport_policy=ice_transport_policy,
        )


        join.additional_properties = d
        return join

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
