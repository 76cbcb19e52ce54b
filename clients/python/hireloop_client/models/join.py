from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.join_role import JoinRole
from typing import cast
import datetime






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
     """

    display: str
    expires_at: datetime.datetime
    janus_url: str
    role: JoinRole
    room: int
    token: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        display = self.display

        expires_at = self.expires_at.isoformat()

        janus_url = self.janus_url

        role = self.role.value

        room = self.room

        token = self.token


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

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        display = d.pop("display")

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))




        janus_url = d.pop("janus_url")

        role = JoinRole(d.pop("role"))




        room = d.pop("room")

        token = d.pop("token")

        join = cls(
            display=display,
            expires_at=expires_at,
            janus_url=janus_url,
            role=role,
            room=room,
            token=token,
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
