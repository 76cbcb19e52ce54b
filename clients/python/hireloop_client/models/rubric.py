from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.criterion import Criterion





T = TypeVar("T", bound="Rubric")



@_attrs_define
class Rubric:
    """ A scale and the criteria scored on it; every criterion is scored.

        Attributes:
            criteria (list[Criterion]):
            scale_max (int | Unset):  Default: 5.
            scale_min (int | Unset):  Default: 1.
     """

    criteria: list[Criterion]
    scale_max: int | Unset = 5
    scale_min: int | Unset = 1
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.criterion import Criterion # noqa: PLC0415
        criteria = []
        for criteria_item_data in self.criteria:
            criteria_item = criteria_item_data.to_dict()
            criteria.append(criteria_item)



        scale_max = self.scale_max

        scale_min = self.scale_min


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "criteria": criteria,
        })
        if scale_max is not UNSET:
            field_dict["scale_max"] = scale_max
        if scale_min is not UNSET:
            field_dict["scale_min"] = scale_min

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.criterion import Criterion # noqa: PLC0415
        d = dict(src_dict)
        criteria = []
        _criteria = d.pop("criteria")
        for criteria_item_data in (_criteria):
            criteria_item = Criterion.from_dict(criteria_item_data)



            criteria.append(criteria_item)


        scale_max = d.pop("scale_max", UNSET)

        scale_min = d.pop("scale_min", UNSET)

        rubric = cls(
            criteria=criteria,
            scale_max=scale_max,
            scale_min=scale_min,
        )


        rubric.additional_properties = d
        return rubric

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
