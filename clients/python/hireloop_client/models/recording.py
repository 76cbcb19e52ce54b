from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.recording_status import RecordingStatus
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.audio_level import AudioLevel
  from ..models.rendition_info import RenditionInfo





T = TypeVar("T", bound="Recording")



@_attrs_define
class Recording:
    """ A recording's transcode: progress while it runs, what exists once it is done.

        Attributes:
            attempt_id (str):
            invitation_id (str):
            job_attempts (int):
            playable (bool): At least the lowest rendition can be played.
            progress_percent (float): 0-100, from ffmpeg's -progress.
            question_id (str):
            queued_at (datetime.datetime):
            status (RecordingStatus):
            audio (AudioLevel | None | Unset):
            duration_seconds (float | None | Unset):
            failure_message (None | str | Unset):
            failure_reason (None | str | Unset):
            finished_at (datetime.datetime | None | Unset):
            first_playable_seconds (float | None | Unset):
            renditions (list[RenditionInfo] | Unset):
     """

    attempt_id: str
    invitation_id: str
    job_attempts: int
    playable: bool
    progress_percent: float
    question_id: str
    queued_at: datetime.datetime
    status: RecordingStatus
    audio: AudioLevel | None | Unset = UNSET
    duration_seconds: float | None | Unset = UNSET
    failure_message: None | str | Unset = UNSET
    failure_reason: None | str | Unset = UNSET
    finished_at: datetime.datetime | None | Unset = UNSET
    first_playable_seconds: float | None | Unset = UNSET
    renditions: list[RenditionInfo] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.audio_level import AudioLevel # noqa: PLC0415
        from ..models.rendition_info import RenditionInfo # noqa: PLC0415
        attempt_id = self.attempt_id

        invitation_id = self.invitation_id

        job_attempts = self.job_attempts

        playable = self.playable

        progress_percent = self.progress_percent

        question_id = self.question_id

        queued_at = self.queued_at.isoformat()

        status = self.status.value

        audio: dict[str, Any] | None | Unset
        if isinstance(self.audio, Unset):
            audio = UNSET
        elif isinstance(self.audio, AudioLevel):
            audio = self.audio.to_dict()
        else:
            audio = self.audio

        duration_seconds: float | None | Unset
        if isinstance(self.duration_seconds, Unset):
            duration_seconds = UNSET
        else:
            duration_seconds = self.duration_seconds

        failure_message: None | str | Unset
        if isinstance(self.failure_message, Unset):
            failure_message = UNSET
        else:
            failure_message = self.failure_message

        failure_reason: None | str | Unset
        if isinstance(self.failure_reason, Unset):
            failure_reason = UNSET
        else:
            failure_reason = self.failure_reason

        finished_at: None | str | Unset
        if isinstance(self.finished_at, Unset):
            finished_at = UNSET
        elif isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        first_playable_seconds: float | None | Unset
        if isinstance(self.first_playable_seconds, Unset):
            first_playable_seconds = UNSET
        else:
            first_playable_seconds = self.first_playable_seconds

        renditions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.renditions, Unset):
            renditions = []
            for renditions_item_data in self.renditions:
                renditions_item = renditions_item_data.to_dict()
                renditions.append(renditions_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "attempt_id": attempt_id,
            "invitation_id": invitation_id,
            "job_attempts": job_attempts,
            "playable": playable,
            "progress_percent": progress_percent,
            "question_id": question_id,
            "queued_at": queued_at,
            "status": status,
        })
        if audio is not UNSET:
            field_dict["audio"] = audio
        if duration_seconds is not UNSET:
            field_dict["duration_seconds"] = duration_seconds
        if failure_message is not UNSET:
            field_dict["failure_message"] = failure_message
        if failure_reason is not UNSET:
            field_dict["failure_reason"] = failure_reason
        if finished_at is not UNSET:
            field_dict["finished_at"] = finished_at
        if first_playable_seconds is not UNSET:
            field_dict["first_playable_seconds"] = first_playable_seconds
        if renditions is not UNSET:
            field_dict["renditions"] = renditions

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audio_level import AudioLevel # noqa: PLC0415
        from ..models.rendition_info import RenditionInfo # noqa: PLC0415
        d = dict(src_dict)
        attempt_id = d.pop("attempt_id")

        invitation_id = d.pop("invitation_id")

        job_attempts = d.pop("job_attempts")

        playable = d.pop("playable")

        progress_percent = d.pop("progress_percent")

        question_id = d.pop("question_id")

        queued_at = datetime.datetime.fromisoformat(d.pop("queued_at"))




        status = RecordingStatus(d.pop("status"))




        def _parse_audio(data: object) -> AudioLevel | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                audio_type_0 = AudioLevel.from_dict(data)



                return audio_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AudioLevel | None | Unset, data)

        audio = _parse_audio(d.pop("audio", UNSET))


        def _parse_duration_seconds(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        duration_seconds = _parse_duration_seconds(d.pop("duration_seconds", UNSET))


        def _parse_failure_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        failure_message = _parse_failure_message(d.pop("failure_message", UNSET))


        def _parse_failure_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        failure_reason = _parse_failure_reason(d.pop("failure_reason", UNSET))


        def _parse_finished_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)



                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        finished_at = _parse_finished_at(d.pop("finished_at", UNSET))


        def _parse_first_playable_seconds(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        first_playable_seconds = _parse_first_playable_seconds(d.pop("first_playable_seconds", UNSET))


        _renditions = d.pop("renditions", UNSET)
        renditions: list[RenditionInfo] | Unset = UNSET
        if _renditions is not UNSET:
            renditions = []
            for renditions_item_data in _renditions:
                renditions_item = RenditionInfo.from_dict(renditions_item_data)



                renditions.append(renditions_item)


        recording = cls(
            attempt_id=attempt_id,
            invitation_id=invitation_id,
            job_attempts=job_attempts,
            playable=playable,
            progress_percent=progress_percent,
            question_id=question_id,
            queued_at=queued_at,
            status=status,
            audio=audio,
            duration_seconds=duration_seconds,
            failure_message=failure_message,
            failure_reason=failure_reason,
            finished_at=finished_at,
            first_playable_seconds=first_playable_seconds,
            renditions=renditions,
        )


        recording.additional_properties = d
        return recording

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
