from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.candidate_export_consents_item import CandidateExportConsentsItem
  from ..models.invitation_out import InvitationOut
  from ..models.invite_written_answer import InviteWrittenAnswer
  from ..models.transcript_export import TranscriptExport





T = TypeVar("T", bound="CandidateExport")



@_attrs_define
class CandidateExport:
    """ 
        Attributes:
            consents (list[CandidateExportConsentsItem]):
            email (str):
            invitations (list[InvitationOut]):
            answers (list[InviteWrittenAnswer] | Unset): Text and multiple-choice answers (recordings: the attempts).
            transcripts (list[TranscriptExport] | Unset): The transcripts of recorded answers (every attempt transcribed).
     """

    consents: list[CandidateExportConsentsItem]
    email: str
    invitations: list[InvitationOut]
    answers: list[InviteWrittenAnswer] | Unset = UNSET
    transcripts: list[TranscriptExport] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.candidate_export_consents_item import CandidateExportConsentsItem # noqa: PLC0415
        from ..models.invitation_out import InvitationOut # noqa: PLC0415
        from ..models.invite_written_answer import InviteWrittenAnswer # noqa: PLC0415
        from ..models.transcript_export import TranscriptExport # noqa: PLC0415
        consents = []
        for consents_item_data in self.consents:
            consents_item = consents_item_data.to_dict()
            consents.append(consents_item)



        email = self.email

        invitations = []
        for invitations_item_data in self.invitations:
            invitations_item = invitations_item_data.to_dict()
            invitations.append(invitations_item)



        answers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.answers, Unset):
            answers = []
            for answers_item_data in self.answers:
                answers_item = answers_item_data.to_dict()
                answers.append(answers_item)



        transcripts: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.transcripts, Unset):
            transcripts = []
            for transcripts_item_data in self.transcripts:
                transcripts_item = transcripts_item_data.to_dict()
                transcripts.append(transcripts_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "consents": consents,
            "email": email,
            "invitations": invitations,
        })
        if answers is not UNSET:
            field_dict["answers"] = answers
        if transcripts is not UNSET:
            field_dict["transcripts"] = transcripts

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.candidate_export_consents_item import CandidateExportConsentsItem # noqa: PLC0415
        from ..models.invitation_out import InvitationOut # noqa: PLC0415
        from ..models.invite_written_answer import InviteWrittenAnswer # noqa: PLC0415
        from ..models.transcript_export import TranscriptExport # noqa: PLC0415
        d = dict(src_dict)
        consents = []
        _consents = d.pop("consents")
        for consents_item_data in (_consents):
            consents_item = CandidateExportConsentsItem.from_dict(consents_item_data)



            consents.append(consents_item)


        email = d.pop("email")

        invitations = []
        _invitations = d.pop("invitations")
        for invitations_item_data in (_invitations):
            invitations_item = InvitationOut.from_dict(invitations_item_data)



            invitations.append(invitations_item)


        _answers = d.pop("answers", UNSET)
        answers: list[InviteWrittenAnswer] | Unset = UNSET
        if _answers is not UNSET:
            answers = []
            for answers_item_data in _answers:
                answers_item = InviteWrittenAnswer.from_dict(answers_item_data)



                answers.append(answers_item)


        _transcripts = d.pop("transcripts", UNSET)
        transcripts: list[TranscriptExport] | Unset = UNSET
        if _transcripts is not UNSET:
            transcripts = []
            for transcripts_item_data in _transcripts:
                transcripts_item = TranscriptExport.from_dict(transcripts_item_data)



                transcripts.append(transcripts_item)


        candidate_export = cls(
            consents=consents,
            email=email,
            invitations=invitations,
            answers=answers,
            transcripts=transcripts,
        )


        candidate_export.additional_properties = d
        return candidate_export

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
