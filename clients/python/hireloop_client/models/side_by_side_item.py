from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.answer import Answer
  from ..models.candidate_identity import CandidateIdentity
  from ..models.side_by_side_item_criteria import SideBySideItemCriteria





T = TypeVar("T", bound="SideBySideItem")



@_attrs_define
class SideBySideItem:
    """ 
        Attributes:
            answer (Answer | None):
            candidate (CandidateIdentity | None):
            criteria (SideBySideItemCriteria): This answer's mean per criterion.
            invitation_id (str):
            mean (float | None): This answer's mean score across reviewers.
            reviews (int):
     """

    answer: Answer | None
    candidate: CandidateIdentity | None
    criteria: SideBySideItemCriteria
    invitation_id: str
    mean: float | None
    reviews: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.answer import Answer # noqa: PLC0415
        from ..models.candidate_identity import CandidateIdentity # noqa: PLC0415
        from ..models.side_by_side_item_criteria import SideBySideItemCriteria # noqa: PLC0415
        answer: dict[str, Any] | None
        if isinstance(self.answer, Answer):
            answer = self.answer.to_dict()
        else:
            answer = self.answer

        candidate: dict[str, Any] | None
        if isinstance(self.candidate, CandidateIdentity):
            candidate = self.candidate.to_dict()
        else:
            candidate = self.candidate

        criteria = self.criteria.to_dict()

        invitation_id = self.invitation_id

        mean: float | None
        mean = self.mean

        reviews = self.reviews


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "answer": answer,
            "candidate": candidate,
            "criteria": criteria,
            "invitation_id": invitation_id,
            "mean": mean,
            "reviews": reviews,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.answer import Answer # noqa: PLC0415
        from ..models.candidate_identity import CandidateIdentity # noqa: PLC0415
        from ..models.side_by_side_item_criteria import SideBySideItemCriteria # noqa: PLC0415
        d = dict(src_dict)
        def _parse_answer(data: object) -> Answer | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                answer_type_0 = Answer.from_dict(data)



                return answer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Answer | None, data)

        answer = _parse_answer(d.pop("answer"))


        def _parse_candidate(data: object) -> CandidateIdentity | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                candidate_type_0 = CandidateIdentity.from_dict(data)



                return candidate_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CandidateIdentity | None, data)

        candidate = _parse_candidate(d.pop("candidate"))


        criteria = SideBySideItemCriteria.from_dict(d.pop("criteria"))




        invitation_id = d.pop("invitation_id")

        def _parse_mean(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        mean = _parse_mean(d.pop("mean"))


        reviews = d.pop("reviews")

        side_by_side_item = cls(
            answer=answer,
            candidate=candidate,
            criteria=criteria,
            invitation_id=invitation_id,
            mean=mean,
            reviews=reviews,
        )


        side_by_side_item.additional_properties = d
        return side_by_side_item

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
