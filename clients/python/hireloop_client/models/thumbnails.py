from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="Thumbnails")



@_attrs_define
class Thumbnails:
    """ 
        Attributes:
            columns (int):
            count (int):
            interval_seconds (float):
            rows (int):
            tile_height (int):
            tile_width (int):
            url (str):
     """

    columns: int
    count: int
    interval_seconds: float
    rows: int
    tile_height: int
    tile_width: int
    url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        columns = self.columns

        count = self.count

        interval_seconds = self.interval_seconds

        rows = self.rows

        tile_height = self.tile_height

        tile_width = self.tile_width

        url = self.url


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "columns": columns,
            "count": count,
            "interval_seconds": interval_seconds,
            "rows": rows,
            "tile_height": tile_height,
            "tile_width": tile_width,
            "url": url,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        columns = d.pop("columns")

        count = d.pop("count")

        interval_seconds = d.pop("interval_seconds")

        rows = d.pop("rows")

        tile_height = d.pop("tile_height")

        tile_width = d.pop("tile_width")

        url = d.pop("url")

        thumbnails = cls(
            columns=columns,
            count=count,
            interval_seconds=interval_seconds,
            rows=rows,
            tile_height=tile_height,
            tile_width=tile_width,
            url=url,
        )


        thumbnails.additional_properties = d
        return thumbnails

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
