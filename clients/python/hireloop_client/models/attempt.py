from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.attempt_mode import AttemptMode
from ..models.attempt_status import AttemptStatus
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="Attempt")



@_attrs_define
class Attempt:
    """ 
        Attributes:
            attempt_id (str):
            attempt_number (int):
            expires_at (datetime.datetime): An attempt still open then is abandoned.
            invitation_id (str):
            mode (AttemptMode):
            opened_at (datetime.datetime):
            part_bytes (int): file mode: the size of every part but the last.
            question_id (str):
            selected (bool):
            status (AttemptStatus):
            audio_codec (None | str | Unset):
            container (None | str | Unset):
            duration_seconds (float | None | Unset):
            height (int | None | Unset):
            message (None | str | Unset): For the candidate: the rejection, or what a salvage kept.
            reason (None | str | Unset): Why the media was rejected (a code).
            salvaged (bool | Unset): Interrupted: the part recorded before the cut was kept. Default: False.
            size_bytes (int | None | Unset):
            video_codec (None | str | Unset):
            width (int | None | Unset):
     """

    attempt_id: str
    attempt_number: int
    expires_at: datetime.datetime
    invitation_id: str
    mode: AttemptMode
    opened_at: datetime.datetime
    part_bytes: int
    question_id: str
    selected: bool
    status: AttemptStatus
    audio_codec: None | str | Unset = UNSET
    container: None | str | Unset = UNSET
    duration_seconds: float | None | Unset = UNSET
    height: int | None | Unset = UNSET
    message: None | str | Unset = UNSET
    reason: None | str | Unset = UNSET
    salvaged: bool | Unset = False
    size_bytes: int | None | Unset = UNSET
    video_codec: None | str | Unset = UNSET
    width: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        attempt_id = self.attempt_id

        attempt_number = self.attempt_number

        expires_at = self.expires_at.isoformat()

        invitation_id = self.invitation_id

        mode = self.mode.value

        opened_at = self.opened_at.isoformat()

        part_bytes = self.part_bytes

        question_id = self.question_id

        selected = self.selected

        status = self.status.value

        audio_codec: None | str | Unset
        if isinstance(self.audio_codec, Unset):
            audio_codec = UNSET
        else:
            audio_codec = self.audio_codec

        container: None | str | Unset
        if isinstance(self.container, Unset):
            container = UNSET
        else:
            container = self.container

        duration_seconds: float | None | Unset
        if isinstance(self.duration_seconds, Unset):
            duration_seconds = UNSET
        else:
            duration_seconds = self.duration_seconds

        height: int | None | Unset
        if isinstance(self.height, Unset):
            height = UNSET
        else:
            height = self.height

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        salvaged = self.salvaged

        size_bytes: int | None | Unset
        if isinstance(self.size_bytes, Unset):
            size_bytes = UNSET
        else:
            size_bytes = self.size_bytes

        video_codec: None | str | Unset
        if isinstance(self.video_codec, Unset):
            video_codec = UNSET
        else:
            video_codec = self.video_codec

        width: int | None | Unset
        if isinstance(self.width, Unset):
            width = UNSET
        else:
            width = self.width


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "attempt_id": attempt_id,
            "attempt_number": attempt_number,
            "expires_at": expires_at,
            "invitation_id": invitation_id,
            "mode": mode,
            "opened_at": opened_at,
            "part_bytes": part_bytes,
            "question_id": question_id,
            "selected": selected,
            "status": status,
        })
        if audio_codec is not UNSET:
            field_dict["audio_codec"] = audio_codec
        if container is not UNSET:
            field_dict["container"] = container
        if duration_seconds is not UNSET:
            field_dict["duration_seconds"] = duration_seconds
        if height is not UNSET:
            field_dict["height"] = height
        if message is not UNSET:
            field_dict["message"] = message
        if reason is not UNSET:
            field_dict["reason"] = reason
        if salvaged is not UNSET:
            field_dict["salvaged"] = salvaged
        if size_bytes is not UNSET:
            field_dict["size_bytes"] = size_bytes
        if video_codec is not UNSET:
            field_dict["video_codec"] = video_codec
        if width is not UNSET:
            field_dict["width"] = width

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        attempt_id = d.pop("attempt_id")

        attempt_number = d.pop("attempt_number")

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))




        invitation_id = d.pop("invitation_id")

        mode = AttemptMode(d.pop("mode"))




        opened_at = datetime.datetime.fromisoformat(d.pop("opened_at"))




        part_bytes = d.pop("part_bytes")

        question_id = d.pop("question_id")

        selected = d.pop("selected")

        status = AttemptStatus(d.pop("status"))




        def _parse_audio_codec(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        audio_codec = _parse_audio_codec(d.pop("audio_codec", UNSET))


        def _parse_container(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        container = _parse_container(d.pop("container", UNSET))


        def _parse_duration_seconds(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        duration_seconds = _parse_duration_seconds(d.pop("duration_seconds", UNSET))


        def _parse_height(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        height = _parse_height(d.pop("height", UNSET))


        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))


        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        salvaged = d.pop("salvaged", UNSET)

        def _parse_size_bytes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        size_bytes = _parse_size_bytes(d.pop("size_bytes", UNSET))


        def _parse_video_codec(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        video_codec = _parse_video_codec(d.pop("video_codec", UNSET))


        def _parse_width(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        width = _parse_width(d.pop("width", UNSET))


        attempt = cls(
            attempt_id=attempt_id,
            attempt_number=attempt_number,
            expires_at=expires_at,
            invitation_id=invitation_id,
            mode=mode,
            opened_at=opened_at,
            part_bytes=part_bytes,
            question_id=question_id,
            selected=selected,
            status=status,
            audio_codec=audio_codec,
            container=container,
            duration_seconds=duration_seconds,
            height=height,
            message=message,
            reason=reason,
            salvaged=salvaged,
            size_bytes=size_bytes,
            video_codec=video_codec,
            width=width,
        )


        attempt.additional_properties = d
        return attempt

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
