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
  from ..models.candidate_identity import CandidateIdentity
  from ..models.shared_answer import SharedAnswer





T = TypeVar("T", bound="SharedSubmission")



@_attrs_define
class SharedSubmission:
    """ What a share link shows: the candidate's answers, and nothing of the review.

        Attributes:
            answers (list[SharedAnswer]):
            blind (bool):
            candidate (CandidateIdentity | None): Withheld (null) under blind review until a decision is recorded.
            expires_at (datetime.datetime):
            invitation_id (str):
            label (None | str | Unset):
            position_title (None | str | Unset):
     """

    answers: list[SharedAnswer]
    blind: bool
    candidate: CandidateIdentity | None
    expires_at: datetime.datetime
    invitation_id: str
    label: None | str | Unset = UNSET
    position_title: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.candidate_identity import CandidateIdentity # noqa: PLC0415
        from ..models.shared_answer import SharedAnswer # noqa: PLC0415
        answers = []
        for answers_item_data in self.answers:
            answers_item = answers_item_data.to_dict()
            answers.append(answers_item)



        blind = self.blind

        candidate: dict[str, Any] | None
        if isinstance(self.candidate, CandidateIdentity):
            candidate = self.candidate.to_dict()
        else:
            candidate = self.candidate

        expires_at = self.expires_at.isoformat()

        invitation_id = self.invitation_id

        label: None | str | Unset
        if isinstance(self.label, Unset):
            label = UNSET
        else:
            label = self.label

        position_title: None | str | Unset
        if isinstance(self.position_title, Unset):
            position_title = UNSET
        else:
            position_title = self.position_title


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "answers": answers,
            "blind": blind,
            "candidate": candidate,
            "expires_at": expires_at,
            "invitation_id": invitation_id,
        })
        if label is not UNSET:
            field_dict["label"] = label
        if position_title is not UNSET:
            field_dict["position_title"] = position_title

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.candidate_identity import CandidateIdentity # noqa: PLC0415
        from ..models.shared_answer import SharedAnswer # noqa: PLC0415
        d = dict(src_dict)
        answers = []
        _answers = d.pop("answers")
        for answers_item_data in (_answers):
            answers_item = SharedAnswer.from_dict(answers_item_data)



            answers.append(answers_item)


        blind = d.pop("blind")

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


        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))




        invitation_id = d.pop("invitation_id")

        def _parse_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        label = _parse_label(d.pop("label", UNSET))


        def _parse_position_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        position_title = _parse_position_title(d.pop("position_title", UNSET))


        shared_submission = cls(
            answers=answers,
            blind=blind,
            candidate=candidate,
            expires_at=expires_at,
            invitation_id=invitation_id,
            label=label,
            position_title=position_title,
        )


        shared_submission.additional_properties = d
        return shared_submission

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
