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
  from ..models.question import Question
  from ..models.question_set_out_captions import QuestionSetOutCaptions





T = TypeVar("T", bound="QuestionSetOut")



@_attrs_define
class QuestionSetOut:
    """ 
        Attributes:
            created_at (datetime.datetime):
            id (str):
            name (str):
            questions (list[Question]):
            version (int):
            versions (list[int]):
            captions (QuestionSetOutCaptions | Unset): Question id -> the WebVTT captions of its video prompt.
     """

    created_at: datetime.datetime
    id: str
    name: str
    questions: list[Question]
    version: int
    versions: list[int]
    captions: QuestionSetOutCaptions | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.question import Question # noqa: PLC0415
        from ..models.question_set_out_captions import QuestionSetOutCaptions # noqa: PLC0415
        created_at = self.created_at.isoformat()

        id = self.id

        name = self.name

        questions = []
        for questions_item_data in self.questions:
            questions_item = questions_item_data.to_dict()
            questions.append(questions_item)



        version = self.version

        versions = self.versions



        captions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.captions, Unset):
            captions = self.captions.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created_at": created_at,
            "id": id,
            "name": name,
            "questions": questions,
            "version": version,
            "versions": versions,
        })
        if captions is not UNSET:
            field_dict["captions"] = captions

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.question import Question # noqa: PLC0415
        from ..models.question_set_out_captions import QuestionSetOutCaptions # noqa: PLC0415
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        id = d.pop("id")

        name = d.pop("name")

        questions = []
        _questions = d.pop("questions")
        for questions_item_data in (_questions):
            questions_item = Question.from_dict(questions_item_data)



            questions.append(questions_item)


        version = d.pop("version")

        versions = cast(list[int], d.pop("versions"))


        _captions = d.pop("captions", UNSET)
        captions: QuestionSetOutCaptions | Unset
        if isinstance(_captions,  Unset):
            captions = UNSET
        else:
            captions = QuestionSetOutCaptions.from_dict(_captions)




        question_set_out = cls(
            created_at=created_at,
            id=id,
            name=name,
            questions=questions,
            version=version,
            versions=versions,
            captions=captions,
        )


        question_set_out.additional_properties = d
        return question_set_out

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
