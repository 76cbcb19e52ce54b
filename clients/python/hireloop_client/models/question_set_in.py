from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.question_in import QuestionIn





T = TypeVar("T", bound="QuestionSetIn")



@_attrs_define
class QuestionSetIn:
    """ 
        Attributes:
            name (str):
            questions (list[QuestionIn]):
            practice_question (None | QuestionIn | Unset):
     """

    name: str
    questions: list[QuestionIn]
    practice_question: None | QuestionIn | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.question_in import QuestionIn # noqa: PLC0415
        name = self.name

        questions = []
        for questions_item_data in self.questions:
            questions_item = questions_item_data.to_dict()
            questions.append(questions_item)



        practice_question: dict[str, Any] | None | Unset
        if isinstance(self.practice_question, Unset):
            practice_question = UNSET
        elif isinstance(self.practice_question, QuestionIn):
            practice_question = self.practice_question.to_dict()
        else:
            practice_question = self.practice_question


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
            "questions": questions,
        })
        if practice_question is not UNSET:
            field_dict["practice_question"] = practice_question

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.question_in import QuestionIn # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name")

        questions = []
        _questions = d.pop("questions")
        for questions_item_data in (_questions):
            questions_item = QuestionIn.from_dict(questions_item_data)



            questions.append(questions_item)


        def _parse_practice_question(data: object) -> None | QuestionIn | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                practice_question_type_0 = QuestionIn.from_dict(data)



                return practice_question_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | QuestionIn | Unset, data)

        practice_question = _parse_practice_question(d.pop("practice_question", UNSET))


        question_set_in = cls(
            name=name,
            questions=questions,
            practice_question=practice_question,
        )


        question_set_in.additional_properties = d
        return question_set_in

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
