from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.criterion_anchors import CriterionAnchors





T = TypeVar("T", bound="Criterion")



@_attrs_define
class Criterion:
    """ 
        Attributes:
            anchors (CriterionAnchors): A behavioural anchor for every point of the scale (point -> description).
            id (str):
            name (str):
            description (None | str | Unset):
            question_ids (list[str] | None | Unset): Screening only: the questions it applies to; default: every question.
     """

    anchors: CriterionAnchors
    id: str
    name: str
    description: None | str | Unset = UNSET
    question_ids: list[str] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.criterion_anchors import CriterionAnchors # noqa: PLC0415
        anchors = self.anchors.to_dict()

        id = self.id

        name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        question_ids: list[str] | None | Unset
        if isinstance(self.question_ids, Unset):
            question_ids = UNSET
        elif isinstance(self.question_ids, list):
            question_ids = self.question_ids


        else:
            question_ids = self.question_ids


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "anchors": anchors,
            "id": id,
            "name": name,
        })
        if description is not UNSET:
            field_dict["description"] = description
        if question_ids is not UNSET:
            field_dict["question_ids"] = question_ids

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.criterion_anchors import CriterionAnchors # noqa: PLC0415
        d = dict(src_dict)
        anchors = CriterionAnchors.from_dict(d.pop("anchors"))




        id = d.pop("id")

        name = d.pop("name")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        def _parse_question_ids(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                question_ids_type_0 = cast(list[str], data)

                return question_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        question_ids = _parse_question_ids(d.pop("question_ids", UNSET))


        criterion = cls(
            anchors=anchors,
            id=id,
            name=name,
            description=description,
            question_ids=question_ids,
        )


        criterion.additional_properties = d
        return criterion

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
