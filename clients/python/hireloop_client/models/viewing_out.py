from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="ViewingOut")



@_attrs_define
class ViewingOut:
    """ 
        Attributes:
            player_seconds (float): Real seconds the player played in this visit.
            session_id (str): One visit of the page to this submission (e.g. a random UUID per visit).
            wall_seconds (float): Seconds the submission was open and visible in this visit.
     """

    player_seconds: float
    session_id: str
    wall_seconds: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        player_seconds = self.player_seconds

        session_id = self.session_id

        wall_seconds = self.wall_seconds


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "player_seconds": player_seconds,
            "session_id": session_id,
            "wall_seconds": wall_seconds,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        player_seconds = d.pop("player_seconds")

        session_id = d.pop("session_id")

        wall_seconds = d.pop("wall_seconds")

        viewing_out = cls(
            player_seconds=player_seconds,
            session_id=session_id,
            wall_seconds=wall_seconds,
        )


        viewing_out.additional_properties = d
        return viewing_out

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
