from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.side_by_side_item import SideBySideItem





T = TypeVar("T", bound="SideBySide")



@_attrs_define
class SideBySide:
    """ 
        Attributes:
            items (list[SideBySideItem]):
            position_id (str):
            question_id (str):
     """

    items: list[SideBySideItem]
    position_id: str
    question_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.side_by_side_item import SideBySideItem # noqa: PLC0415
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)



        position_id = self.position_id

        question_id = self.question_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "items": items,
            "position_id": position_id,
            "question_id": question_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.side_by_side_item import SideBySideItem # noqa: PLC0415
        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            items_item = SideBySideItem.from_dict(items_item_data)



            items.append(items_item)


        position_id = d.pop("position_id")

        question_id = d.pop("question_id")

        side_by_side = cls(
            items=items,
            position_id=position_id,
            question_id=question_id,
        )


        side_by_side.additional_properties = d
        return side_by_side

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
