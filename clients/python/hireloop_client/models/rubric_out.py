from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.criterion import Criterion





T = TypeVar("T", bound="RubricOut")



@_attrs_define
class RubricOut:
    """ 
        Attributes:
            created_at (datetime.datetime):
            criteria (list[Criterion]):
            question_set_id (str):
            version (int):
            versions (list[int]):
            scale_max (int | Unset):  Default: 5.
            scale_min (int | Unset):  Default: 1.
     """

    created_at: datetime.datetime
    criteria: list[Criterion]
    question_set_id: str
    version: int
    versions: list[int]
    scale_max: int | Unset = 5
    scale_min: int | Unset = 1
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.criterion import Criterion # noqa: PLC0415
        created_at = self.created_at.isoformat()

        criteria = []
        for criteria_item_data in self.criteria:
            criteria_item = criteria_item_data.to_dict()
            criteria.append(criteria_item)



        question_set_id = self.question_set_id

        version = self.version

        versions = self.versions



        scale_max = self.scale_max

        scale_min = self.scale_min


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created_at": created_at,
            "criteria": criteria,
            "question_set_id": question_set_id,
            "version": version,
            "versions": versions,
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
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        criteria = []
        _criteria = d.pop("criteria")
        for criteria_item_data in (_criteria):
            criteria_item = Criterion.from_dict(criteria_item_data)



            criteria.append(criteria_item)


        question_set_id = d.pop("question_set_id")

        version = d.pop("version")

        versions = cast(list[int], d.pop("versions"))


        scale_max = d.pop("scale_max", UNSET)

        scale_min = d.pop("scale_min", UNSET)

        rubric_out = cls(
            created_at=created_at,
            criteria=criteria,
            question_set_id=question_set_id,
            version=version,
            versions=versions,
            scale_max=scale_max,
            scale_min=scale_min,
        )


        rubric_out.additional_properties = d
        return rubric_out

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
