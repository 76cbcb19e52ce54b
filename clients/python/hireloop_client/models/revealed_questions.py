from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.revealed_question import RevealedQuestion





T = TypeVar("T", bound="RevealedQuestions")



@_attrs_define
class RevealedQuestions:
    """ 
        Attributes:
            questions (list[RevealedQuestion]):
     """

    questions: list[RevealedQuestion]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.revealed_question import RevealedQuestion # noqa: PLC0415
        questions = []
        for questions_item_data in self.questions:
            questions_item = questions_item_data.to_dict()
            questions.append(questions_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "questions": questions,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.revealed_question import RevealedQuestion # noqa: PLC0415
        d = dict(src_dict)
        questions = []
        _questions = d.pop("questions")
        for questions_item_data in (_questions):
            questions_item = RevealedQuestion.from_dict(questions_item_data)



            questions.append(questions_item)


        revealed_questions = cls(
            questions=questions,
        )


        revealed_questions.additional_properties = d
        return revealed_questions

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
