from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.room_lobby import RoomLobby
from ..models.room_recording_state_type_0 import RoomRecordingStateType0
from ..models.room_status import RoomStatus
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.member import Member





T = TypeVar("T", bound="Room")



@_attrs_define
class Room:
    """ A booking's room as the panel sees it.

        Attributes:
            booking_id (str):
            closes_at (datetime.datetime):
            end (datetime.datetime):
            interview_type_id (str): Its guide and rubric: GET /interview-types/{id}.
            lobby (RoomLobby): Whether the candidate is away, waiting or admitted.
            lobby_since (datetime.datetime | None):
            me (None | str): The caller's interviewer id, when on the panel.
            opens_at (datetime.datetime):
            panel (list[Member]):
            request_id (str):
            start (datetime.datetime):
            status (RoomStatus):
            recording (bool | Unset): The call is recorded. Default: False.
            recording_state (None | RoomRecordingStateType0 | Unset): After the close: `pending`/`composing`, then `stored`
                (it goes to transcoding and the review workspace), `empty`, `failed` or `erased`.
     """

    booking_id: str
    closes_at: datetime.datetime
    end: datetime.datetime
    interview_type_id: str
    lobby: RoomLobby
    lobby_since: datetime.datetime | None
    me: None | str
    opens_at: datetime.datetime
    panel: list[Member]
    request_id: str
    start: datetime.datetime
    status: RoomStatus
    recording: bool | Unset = False
    recording_state: None | RoomRecordingStateType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.member import Member # noqa: PLC0415
        booking_id = self.booking_id

        closes_at = self.closes_at.isoformat()

        end = self.end.isoformat()

        interview_type_id = self.interview_type_id

        lobby = self.lobby.value

        lobby_since: None | str
        if isinstance(self.lobby_since, datetime.datetime):
            lobby_since = self.lobby_since.isoformat()
        else:
            lobby_since = self.lobby_since

        me: None | str
        me = self.me

        opens_at = self.opens_at.isoformat()

        panel = []
        for panel_item_data in self.panel:
            panel_item = panel_item_data.to_dict()
            panel.append(panel_item)



        request_id = self.request_id

        start = self.start.isoformat()

        status = self.status.value

        recording = self.recording

        recording_state: None | str | Unset
        if isinstance(self.recording_state, Unset):
            recording_state = UNSET
        elif isinstance(self.recording_state, RoomRecordingStateType0):
            recording_state = self.recording_state.value
        else:
            recording_state = self.recording_state


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "booking_id": booking_id,
            "closes_at": closes_at,
            "end": end,
            "interview_type_id": interview_type_id,
            "lobby": lobby,
            "lobby_since": lobby_since,
            "me": me,
            "opens_at": opens_at,
            "panel": panel,
            "request_id": request_id,
            "start": start,
            "status": status,
        })
        if recording is not UNSET:
            field_dict["recording"] = recording
        if recording_state is not UNSET:
            field_dict["recording_state"] = recording_state

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.member import Member # noqa: PLC0415
        d = dict(src_dict)
        booking_id = d.pop("booking_id")

        closes_at = datetime.datetime.fromisoformat(d.pop("closes_at"))




        end = datetime.datetime.fromisoformat(d.pop("end"))




        interview_type_id = d.pop("interview_type_id")

        lobby = RoomLobby(d.pop("lobby"))




        def _parse_lobby_since(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                lobby_since_type_0 = datetime.datetime.fromisoformat(data)



                return lobby_since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        lobby_since = _parse_lobby_since(d.pop("lobby_since"))


        def _parse_me(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        me = _parse_me(d.pop("me"))


        opens_at = datetime.datetime.fromisoformat(d.pop("opens_at"))




        panel = []
        _panel = d.pop("panel")
        for panel_item_data in (_panel):
            panel_item = Member.from_dict(panel_item_data)



            panel.append(panel_item)


        request_id = d.pop("request_id")

        start = datetime.datetime.fromisoformat(d.pop("start"))




        status = RoomStatus(d.pop("status"))




        recording = d.pop("recording", UNSET)

        def _parse_recording_state(data: object) -> None | RoomRecordingStateType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                recording_state_type_0 = RoomRecordingStateType0(data)



                return recording_state_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RoomRecordingStateType0 | Unset, data)

        recording_state = _parse_recording_state(d.pop("recording_state", UNSET))


        room = cls(
            booking_id=booking_id,
            closes_at=closes_at,
            end=end,
            interview_type_id=interview_type_id,
            lobby=lobby,
            lobby_since=lobby_since,
            me=me,
            opens_at=opens_at,
            panel=panel,
            request_id=request_id,
            start=start,
            status=status,
            recording=recording,
            recording_state=recording_state,
        )


        room.additional_properties = d
        return room

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
