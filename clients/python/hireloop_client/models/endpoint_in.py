from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.endpoint_in_event_types_item import EndpointInEventTypesItem
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="EndpointIn")



@_attrs_define
class EndpointIn:
    """ 
        Attributes:
            event_types (list[EndpointInEventTypesItem]): The public event types wanted.
            url (str):
            description (str | Unset):  Default: ''.
            enabled (bool | Unset):  Default: True.
     """

    event_types: list[EndpointInEventTypesItem]
    url: str
    description: str | Unset = ''
    enabled: bool | Unset = True





    def to_dict(self) -> dict[str, Any]:
        event_types = []
        for event_types_item_data in self.event_types:
            event_types_item = event_types_item_data.value
            event_types.append(event_types_item)



        url = self.url

        description = self.description

        enabled = self.enabled


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "event_types": event_types,
            "url": url,
        })
        if description is not UNSET:
            field_dict["description"] = description
        if enabled is not UNSET:
            field_dict["enabled"] = enabled

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        event_types = []
        _event_types = d.pop("event_types")
        for event_types_item_data in (_event_types):
            event_types_item = EndpointInEventTypesItem(event_types_item_data)



            event_types.append(event_types_item)


        url = d.pop("url")

        description = d.pop("description", UNSET)

        enabled = d.pop("enabled", UNSET)

        endpoint_in = cls(
            event_types=event_types,
            url=url,
            description=description,
            enabled=enabled,
        )

        return endpoint_in

