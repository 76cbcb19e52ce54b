from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.candidate_room_lobby import CandidateRoomLobby
from ..models.candidate_room_status import CandidateRoomStatus
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.recording_notice import RecordingNotice





T = TypeVar("T", bound="CandidateRoom")



@_attrs_define
class CandidateRoom:
    """ The candidate's room: when it opens, who will be there, where they are in the lobby.

        Attributes:
            closes_at (datetime.datetime):
            end (datetime.datetime):
            interviewers (list[str]): The names of the panel.
            lobby (CandidateRoomLobby):
            opens_at (datetime.datetime):
            start (datetime.datetime):
            status (CandidateRoomStatus):
            recording (bool | Unset): The call is recorded. Default: False.
            recording_consented (bool | Unset):  Default: False.
            recording_notice (None | RecordingNotice | Unset): What the candidate reads before consenting to the recording.
     """

    closes_at: datetime.datetime
    end: datetime.datetime
    interviewers: list[str]
    lobby: CandidateRoomLobby
    opens_at: datetime.datetime
    start: datetime.datetime
    status: CandidateRoomStatus
    recording: bool | Unset = False
    recording_consented: bool | Unset = False
    recording_notice: None | RecordingNotice | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.recording_notice import RecordingNotice # noqa: PLC0415
        closes_at = self.closes_at.isoformat()

        end = self.end.isoformat()

        interviewers = self.interviewers



        lobby = self.lobby.value

        opens_at = self.opens_at.isoformat()

        start = self.start.isoformat()

        status = self.status.value

        recording = self.recording

        recording_consented = self.recording_consented

        recording_notice: dict[str, Any] | None | Unset
        if isinstance(self.recording_notice, Unset):
            recording_notice = UNSET
        elif isinstance(self.recording_notice, RecordingNotice):
            recording_notice = self.recording_notice.to_dict()
        else:
            recording_notice = self.recording_notice


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "closes_at": closes_at,
            "end": end,
            "interviewers": interviewers,
            "lobby": lobby,
            "opens_at": opens_at,
            "start": start,
            "status": status,
        })
        if recording is not UNSET:
            field_dict["recording"] = recording
        if recording_consented is not UNSET:
            field_dict["recording_consented"] = recording_consented
        if recording_notice is not UNSET:
            field_dict["recording_notice"] = recording_notice

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.recording_notice import RecordingNotice # noqa: PLC0415
        d = dict(src_dict)
        closes_at = datetime.datetime.fromisoformat(d.pop("closes_at"))




        end = datetime.datetime.fromisoformat(d.pop("end"))




        interviewers = cast(list[str], d.pop("interviewers"))


        lobby = CandidateRoomLobby(d.pop("lobby"))




        opens_at = datetime.datetime.fromisoformat(d.pop("opens_at"))




        start = datetime.datetime.fromisoformat(d.pop("start"))




        status = CandidateRoomStatus(d.pop("status"))




        recording = d.pop("recording", UNSET)

        recording_consented = d.pop("recording_consented", UNSET)

        def _parse_recording_notice(data: object) -> None | RecordingNotice | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                recording_notice_type_0 = RecordingNotice.from_dict(data)



                return recording_notice_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RecordingNotice | Unset, data)

        recording_notice = _parse_recording_notice(d.pop("recording_notice", UNSET))


        candidate_room = cls(
            closes_at=closes_at,
            end=end,
            interviewers=interviewers,
            lobby=lobby,
            opens_at=opens_at,
            start=start,
            status=status,
            recording=recording,
            recording_consented=recording_consented,
            recording_notice=recording_notice,
        )


        candidate_room.additional_properties = d
        return candidate_room

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
