from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="RubricRef")



@_attrs_define
class RubricRef:
    """ Which version of a rubric scores were given against, with what it takes to read them.

        Attributes:
            criterion_ids (list[str]):
            scale_max (int):
            scale_min (int):
            version (int):
     """

    criterion_ids: list[str]
    scale_max: int
    scale_min: int
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        criterion_ids = self.criterion_ids



        scale_max = self.scale_max

        scale_min = self.scale_min

        version = self.version


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "criterion_ids": criterion_ids,
            "scale_max": scale_max,
            "scale_min": scale_min,
            "version": version,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        criterion_ids = cast(list[str], d.pop("criterion_ids"))


        scale_max = d.pop("scale_max")

        scale_min = d.pop("scale_min")

        version = d.pop("version")

        rubric_ref = cls(
            criterion_ids=criterion_ids,
            scale_max=scale_max,
            scale_min=scale_min,
            version=version,
        )


        rubric_ref.additional_properties = d
        return rubric_ref

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
