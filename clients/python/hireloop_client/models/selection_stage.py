from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.selection_stage_stage import SelectionStageStage
from typing import cast

if TYPE_CHECKING:
  from ..models.selection_stage_dimensions import SelectionStageDimensions





T = TypeVar("T", bound="SelectionStage")



@_attrs_define
class SelectionStage:
    """ 
        Attributes:
            description (str):
            dimensions (SelectionStageDimensions):
            stage (SelectionStageStage):
     """

    description: str
    dimensions: SelectionStageDimensions
    stage: SelectionStageStage
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.selection_stage_dimensions import SelectionStageDimensions # noqa: PLC0415
        description = self.description

        dimensions = self.dimensions.to_dict()

        stage = self.stage.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "description": description,
            "dimensions": dimensions,
            "stage": stage,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.selection_stage_dimensions import SelectionStageDimensions # noqa: PLC0415
        d = dict(src_dict)
        description = d.pop("description")

        dimensions = SelectionStageDimensions.from_dict(d.pop("dimensions"))




        stage = SelectionStageStage(d.pop("stage"))




        selection_stage = cls(
            description=description,
            dimensions=dimensions,
            stage=stage,
        )


        selection_stage.additional_properties = d
        return selection_stage

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
