from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="RetentionEntry")



@_attrs_define
class RetentionEntry:
    """ 
        Attributes:
            candidates (int): Invitations whose data is still kept.
            closed_at (datetime.datetime):
            erase_at (datetime.datetime): When the sweep erases its candidates' data.
            position_id (str):
            title (str):
     """

    candidates: int
    closed_at: datetime.datetime
    erase_at: datetime.datetime
    position_id: str
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        candidates = self.candidates

        closed_at = self.closed_at.isoformat()

        erase_at = self.erase_at.isoformat()

        position_id = self.position_id

        title = self.title


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "candidates": candidates,
            "closed_at": closed_at,
            "erase_at": erase_at,
            "position_id": position_id,
            "title": title,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        candidates = d.pop("candidates")

        closed_at = datetime.datetime.fromisoformat(d.pop("closed_at"))




        erase_at = datetime.datetime.fromisoformat(d.pop("erase_at"))




        position_id = d.pop("position_id")

        title = d.pop("title")

        retention_entry = cls(
            candidates=candidates,
            closed_at=closed_at,
            erase_at=erase_at,
            position_id=position_id,
            title=title,
        )


        retention_entry.additional_properties = d
        return retention_entry

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
