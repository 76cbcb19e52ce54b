from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="SelectionRow")



@_attrs_define
class SelectionRow:
    """ 
        Attributes:
            applicants (int):
            below_four_fifths (bool):
            category (str):
            impact_ratio (float | None):
            selected (int):
            selection_rate (float | None):
            small_sample (bool):
     """

    applicants: int
    below_four_fifths: bool
    category: str
    impact_ratio: float | None
    selected: int
    selection_rate: float | None
    small_sample: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        applicants = self.applicants

        below_four_fifths = self.below_four_fifths

        category = self.category

        impact_ratio: float | None
        impact_ratio = self.impact_ratio

        selected = self.selected

        selection_rate: float | None
        selection_rate = self.selection_rate

        small_sample = self.small_sample


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "applicants": applicants,
            "below_four_fifths": below_four_fifths,
            "category": category,
            "impact_ratio": impact_ratio,
            "selected": selected,
            "selection_rate": selection_rate,
            "small_sample": small_sample,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        applicants = d.pop("applicants")

        below_four_fifths = d.pop("below_four_fifths")

        category = d.pop("category")

        def _parse_impact_ratio(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        impact_ratio = _parse_impact_ratio(d.pop("impact_ratio"))


        selected = d.pop("selected")

        def _parse_selection_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        selection_rate = _parse_selection_rate(d.pop("selection_rate"))


        small_sample = d.pop("small_sample")

        selection_row = cls(
            applicants=applicants,
            below_four_fifths=below_four_fifths,
            category=category,
            impact_ratio=impact_ratio,
            selected=selected,
            selection_rate=selection_rate,
            small_sample=small_sample,
        )


        selection_row.additional_properties = d
        return selection_row

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
