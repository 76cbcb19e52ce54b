from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.transcript_out_status import TranscriptOutStatus
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.segment_out import SegmentOut





T = TypeVar("T", bound="TranscriptOut")



@_attrs_define
class TranscriptOut:
    """ An answer's transcript, an aid for reviewers: words with their times for following the
    player and seeking. Nothing ranks or filters candidates by it.

        Attributes:
            attempt_id (str):
            invitation_id (str):
            question_id (str):
            status (TranscriptOutStatus): `pending` while queued or running; `untranscribed` with a reason when the
                configured model cannot handle the answer; `failed` when the audio could not be read.
            duration_seconds (float | None | Unset):
            language (None | str | Unset):
            model (None | str | Unset):
            no_speech (bool | Unset): Voice activity detection found no speech in the answer. Default: False.
            reason (None | str | Unset): `unsupported_language` when untranscribed; the failure reason when failed.
            segments (list[SegmentOut] | Unset):
            transcribed_at (datetime.datetime | None | Unset):
     """

    attempt_id: str
    invitation_id: str
    question_id: str
    status: TranscriptOutStatus
    duration_seconds: float | None | Unset = UNSET
    language: None | str | Unset = UNSET
    model: None | str | Unset = UNSET
    no_speech: bool | Unset = False
    reason: None | str | Unset = UNSET
    segments: list[SegmentOut] | Unset = UNSET
    transcribed_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.segment_out import SegmentOut # noqa: PLC0415
        attempt_id = self.attempt_id

        invitation_id = self.invitation_id

        question_id = self.question_id

        status = self.status.value

        duration_seconds: float | None | Unset
        if isinstance(self.duration_seconds, Unset):
            duration_seconds = UNSET
        else:
            duration_seconds = self.duration_seconds

        language: None | str | Unset
        if isinstance(self.language, Unset):
            language = UNSET
        else:
            language = self.language

        model: None | str | Unset
        if isinstance(self.model, Unset):
            model = UNSET
        else:
            model = self.model

        no_speech = self.no_speech

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        segments: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.segments, Unset):
            segments = []
            for segments_item_data in self.segments:
                segments_item = segments_item_data.to_dict()
                segments.append(segments_item)



        transcribed_at: None | str | Unset
        if isinstance(self.transcribed_at, Unset):
            transcribed_at = UNSET
        elif isinstance(self.transcribed_at, datetime.datetime):
            transcribed_at = self.transcribed_at.isoformat()
        else:
            transcribed_at = self.transcribed_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "attempt_id": attempt_id,
            "invitation_id": invitation_id,
            "question_id": question_id,
            "status": status,
        })
        if duration_seconds is not UNSET:
            field_dict["duration_seconds"] = duration_seconds
        if language is not UNSET:
            field_dict["language"] = language
        if model is not UNSET:
            field_dict["model"] = model
        if no_speech is not UNSET:
            field_dict["no_speech"] = no_speech
        if reason is not UNSET:
            field_dict["reason"] = reason
        if segments is not UNSET:
            field_dict["segments"] = segments
        if transcribed_at is not UNSET:
            field_dict["transcribed_at"] = transcribed_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.segment_out import SegmentOut # noqa: PLC0415
        d = dict(src_dict)
        attempt_id = d.pop("attempt_id")

        invitation_id = d.pop("invitation_id")

        question_id = d.pop("question_id")

        status = TranscriptOutStatus(d.pop("status"))




        def _parse_duration_seconds(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        duration_seconds = _parse_duration_seconds(d.pop("duration_seconds", UNSET))


        def _parse_language(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        language = _parse_language(d.pop("language", UNSET))


        def _parse_model(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        model = _parse_model(d.pop("model", UNSET))


        no_speech = d.pop("no_speech", UNSET)

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        _segments = d.pop("segments", UNSET)
        segments: list[SegmentOut] | Unset = UNSET
        if _segments is not UNSET:
            segments = []
            for segments_item_data in _segments:
                segments_item = SegmentOut.from_dict(segments_item_data)



                segments.append(segments_item)


        def _parse_transcribed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                transcribed_at_type_0 = datetime.datetime.fromisoformat(data)



                return transcribed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        transcribed_at = _parse_transcribed_at(d.pop("transcribed_at", UNSET))


        transcript_out = cls(
            attempt_id=attempt_id,
            invitation_id=invitation_id,
            question_id=question_id,
            status=status,
            duration_seconds=duration_seconds,
            language=language,
            model=model,
            no_speech=no_speech,
            reason=reason,
            segments=segments,
            transcribed_at=transcribed_at,
        )


        transcript_out.additional_properties = d
        return transcript_out

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
