from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.event_type_out_data_schema import EventTypeOutDataSchema





T = TypeVar("T", bound="EventTypeOut")



@_attrs_define
class EventTypeOut:
    """ 
        Attributes:
            data_schema (EventTypeOutDataSchema):
            description (str):
            type_ (str):
            version (int):
     """

    data_schema: EventTypeOutDataSchema
    description: str
    type_: str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.event_type_out_data_schema import EventTypeOutDataSchema # noqa: PLC0415
        data_schema = self.data_schema.to_dict()

        description = self.description

        type_ = self.type_

        version = self.version


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "data_schema": data_schema,
            "description": description,
            "type": type_,
            "version": version,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_type_out_data_schema import EventTypeOutDataSchema # noqa: PLC0415
        d = dict(src_dict)
        data_schema = EventTypeOutDataSchema.from_dict(d.pop("data_schema"))




        description = d.pop("description")

        type_ = d.pop("type")

        version = d.pop("version")

        event_type_out = cls(
            data_schema=data_schema,
            description=description,
            type_=type_,
            version=version,
        )


        event_type_out.additional_properties = d
        return event_type_out

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
