from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.selection_stage import SelectionStage





T = TypeVar("T", bound="SelectionReport")



@_attrs_define
class SelectionReport:
    """ 
        Attributes:
            candidates (int):
            position_id (str):
            stages (list[SelectionStage]):
     """

    candidates: int
    position_id: str
    stages: list[SelectionStage]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.selection_stage import SelectionStage # noqa: PLC0415
        candidates = self.candidates

        position_id = self.position_id

        stages = []
        for stages_item_data in self.stages:
            stages_item = stages_item_data.to_dict()
            stages.append(stages_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "candidates": candidates,
            "position_id": position_id,
            "stages": stages,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.selection_stage import SelectionStage # noqa: PLC0415
        d = dict(src_dict)
        candidates = d.pop("candidates")

        position_id = d.pop("position_id")

        stages = []
        _stages = d.pop("stages")
        for stages_item_data in (_stages):
            stages_item = SelectionStage.from_dict(stages_item_data)



            stages.append(stages_item)


        selection_report = cls(
            candidates=candidates,
            position_id=position_id,
            stages=stages,
        )


        selection_report.additional_properties = d
        return selection_report

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
