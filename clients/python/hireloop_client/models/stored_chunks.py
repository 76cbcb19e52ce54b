from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.stored_chunk import StoredChunk





T = TypeVar("T", bound="StoredChunks")



@_attrs_define
class StoredChunks:
    """ What the server holds: resume by uploading from `next_seq`.

        Attributes:
            next_seq (int): The first chunk or part missing from the stored prefix.
            parts (list[StoredChunk]):
            stored_bytes (int): Bytes in the contiguous prefix 0..next_seq-1.
     """

    next_seq: int
    parts: list[StoredChunk]
    stored_bytes: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.stored_chunk import StoredChunk # noqa: PLC0415
        next_seq = self.next_seq

        parts = []
        for parts_item_data in self.parts:
            parts_item = parts_item_data.to_dict()
            parts.append(parts_item)



        stored_bytes = self.stored_bytes


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "next_seq": next_seq,
            "parts": parts,
            "stored_bytes": stored_bytes,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.stored_chunk import StoredChunk # noqa: PLC0415
        d = dict(src_dict)
        next_seq = d.pop("next_seq")

        parts = []
        _parts = d.pop("parts")
        for parts_item_data in (_parts):
            parts_item = StoredChunk.from_dict(parts_item_data)



            parts.append(parts_item)


        stored_bytes = d.pop("stored_bytes")

        stored_chunks = cls(
            next_seq=next_seq,
            parts=parts,
            stored_bytes=stored_bytes,
        )


        stored_chunks.additional_properties = d
        return stored_chunks

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
