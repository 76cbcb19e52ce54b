from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.request_in_language_type_0 import RequestInLanguageType0
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="RequestIn")



@_attrs_define
class RequestIn:
    """ A recruiter asks for an interview directly (without a screening decision).

        Attributes:
            candidate_email (str):
            candidate_name (str):
            interview_type_id (str):
            invitation_id (str):
            language (None | RequestInLanguageType0 | Unset): The candidate's language for the scheduling e-mail and page
                (default: English; the candidate may choose another on the page).
            self_scheduling (bool | Unset):  Default: True.
     """

    candidate_email: str
    candidate_name: str
    interview_type_id: str
    invitation_id: str
    language: None | RequestInLanguageType0 | Unset = UNSET
    self_scheduling: bool | Unset = True





    def to_dict(self) -> dict[str, Any]:
        candidate_email = self.candidate_email

        candidate_name = self.candidate_name

        interview_type_id = self.interview_type_id

        invitation_id = self.invitation_id

        language: None | str | Unset
        if isinstance(self.language, Unset):
            language = UNSET
        elif isinstance(self.language, RequestInLanguageType0):
            language = self.language.value
        else:
            language = self.language

        self_scheduling = self.self_scheduling


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "candidate_email": candidate_email,
            "candidate_name": candidate_name,
            "interview_type_id": interview_type_id,
            "invitation_id": invitation_id,
        })
        if language is not UNSET:
            field_dict["language"] = language
        if self_scheduling is not UNSET:
            field_dict["self_scheduling"] = self_scheduling

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        candidate_email = d.pop("candidate_email")

        candidate_name = d.pop("candidate_name")

        interview_type_id = d.pop("interview_type_id")

        invitation_id = d.pop("invitation_id")

        def _parse_language(data: object) -> None | RequestInLanguageType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                language_type_0 = RequestInLanguageType0(data)



                return language_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RequestInLanguageType0 | Unset, data)

        language = _parse_language(d.pop("language", UNSET))


        self_scheduling = d.pop("self_scheduling", UNSET)

        request_in = cls(
            candidate_email=candidate_email,
            candidate_name=candidate_name,
            interview_type_id=interview_type_id,
            invitation_id=invitation_id,
            language=language,
            self_scheduling=self_scheduling,
        )

        return request_in

