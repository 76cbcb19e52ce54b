from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.criterion_calibration import CriterionCalibration





T = TypeVar("T", bound="Calibration")



@_attrs_define
class Calibration:
    """ 
        Attributes:
            criteria (list[CriterionCalibration]):
            position_id (str):
            metric (Literal['interval'] | Unset):  Default: 'interval'.
     """

    criteria: list[CriterionCalibration]
    position_id: str
    metric: Literal['interval'] | Unset = 'interval'
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.criterion_calibration import CriterionCalibration # noqa: PLC0415
        criteria = []
        for criteria_item_data in self.criteria:
            criteria_item = criteria_item_data.to_dict()
            criteria.append(criteria_item)



        position_id = self.position_id

        metric = self.metric


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "criteria": criteria,
            "position_id": position_id,
        })
        if metric is not UNSET:
            field_dict["metric"] = metric

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.criterion_calibration import CriterionCalibration # noqa: PLC0415
        d = dict(src_dict)
        criteria = []
        _criteria = d.pop("criteria")
        for criteria_item_data in (_criteria):
            criteria_item = CriterionCalibration.from_dict(criteria_item_data)



            criteria.append(criteria_item)


        position_id = d.pop("position_id")

        metric = cast(Literal['interval'] | Unset , d.pop("metric", UNSET))
        if metric != 'interval'and not isinstance(metric, Unset):
            raise ValueError(f"metric must match const 'interval', got '{metric}'")

        calibration = cls(
            criteria=criteria,
            position_id=position_id,
            metric=metric,
        )


        calibration.additional_properties = d
        return calibration

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
