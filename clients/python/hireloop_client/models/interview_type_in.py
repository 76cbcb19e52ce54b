from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.interview_type_in_mode import InterviewTypeInMode
from ..models.interview_type_in_slot_step_minutes import InterviewTypeInSlotStepMinutes
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.rubric import Rubric





T = TypeVar("T", bound="InterviewTypeIn")



@_attrs_define
class InterviewTypeIn:
    """ 
        Attributes:
            duration_minutes (int):
            interviewer_ids (list[str]):
            name (str):
            position_id (str):
            booking_window_days (int | Unset):  Default: 14.
            change_notice_minutes (int | Unset):  Default: 1440.
            guide (list[str] | Unset): The interview guide: the questions to ask, in order, shown to the panel beside the
                video in the live room.
            join_url_template (None | str | Unset): An outside tool for this type's interviews: the join link ({booking_id},
                {request_id}). Null: the tenant's template if it has one, else the platform's live room.
            max_reschedules (int | Unset):  Default: 2.
            min_notice_minutes (int | Unset):  Default: 1440.
            mode (InterviewTypeInMode | Unset):  Default: InterviewTypeInMode.PANEL.
            recording (bool | Unset): Record the live calls in the platform's room into the review workspace. The candidate
                is told and consents before joining; applies to bookings made after. Default: False.
            rubric (None | Rubric | Unset): What interviewers score (the shared rubric model, without question_ids). A
                different rubric is its next version; null or left out keeps the current one.
            slot_step_minutes (InterviewTypeInSlotStepMinutes | Unset):  Default: InterviewTypeInSlotStepMinutes.VALUE_30.
     """

    duration_minutes: int
    interviewer_ids: list[str]
    name: str
    position_id: str
    booking_window_days: int | Unset = 14
    change_notice_minutes: int | Unset = 1440
    guide: list[str] | Unset = UNSET
    join_url_template: None | str | Unset = UNSET
    max_reschedules: int | Unset = 2
    min_notice_minutes: int | Unset = 1440
    mode: InterviewTypeInMode | Unset = InterviewTypeInMode.PANEL
    recording: bool | Unset = False
    rubric: None | Rubric | Unset = UNSET
    slot_step_minutes: InterviewTypeInSlotStepMinutes | Unset = InterviewTypeInSlotStepMinutes.VALUE_30





    def to_dict(self) -> dict[str, Any]:
        from ..models.rubric import Rubric # noqa: PLC0415
        duration_minutes = self.duration_minutes

        interviewer_ids = self.interviewer_ids



        name = self.name

        position_id = self.position_id

        booking_window_days = self.booking_window_days

        change_notice_minutes = self.change_notice_minutes

        guide: list[str] | Unset = UNSET
        if not isinstance(self.guide, Unset):
            guide = self.guide



        join_url_template: None | str | Unset
        if isinstance(self.join_url_template, Unset):
            join_url_template = UNSET
        else:
            join_url_template = self.join_url_template

        max_reschedules = self.max_reschedules

        min_notice_minutes = self.min_notice_minutes

        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode.value


        recording = self.recording

        rubric: dict[str, Any] | None | Unset
        if isinstance(self.rubric, Unset):
            rubric = UNSET
        elif isinstance(self.rubric, Rubric):
            rubric = self.rubric.to_dict()
        else:
            rubric = self.rubric

        slot_step_minutes: int | Unset = UNSET
        if not isinstance(self.slot_step_minutes, Unset):
            slot_step_minutes = self.slot_step_minutes.value



        field_dict: dict[str, Any] = {}

        field_dict.update({
            "duration_minutes": duration_minutes,
            "interviewer_ids": interviewer_ids,
            "name": name,
            "position_id": position_id,
        })
        if booking_window_days is not UNSET:
            field_dict["booking_window_days"] = booking_window_days
        if change_notice_minutes is not UNSET:
            field_dict["change_notice_minutes"] = change_notice_minutes
        if guide is not UNSET:
            field_dict["guide"] = guide
        if join_url_template is not UNSET:
            field_dict["join_url_template"] = join_url_template
        if max_reschedules is not UNSET:
            field_dict["max_reschedules"] = max_reschedules
        if min_notice_minutes is not UNSET:
            field_dict["min_notice_minutes"] = min_notice_minutes
        if mode is not UNSET:
            field_dict["mode"] = mode
        if recording is not UNSET:
            field_dict["recording"] = recording
        if rubric is not UNSET:
            field_dict["rubric"] = rubric
        if slot_step_minutes is not UNSET:
            field_dict["slot_step_minutes"] = slot_step_minutes

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rubric import Rubric # noqa: PLC0415
        d = dict(src_dict)
        duration_minutes = d.pop("duration_minutes")

        interviewer_ids = cast(list[str], d.pop("interviewer_ids"))


        name = d.pop("name")

        position_id = d.pop("position_id")

        booking_window_days = d.pop("booking_window_days", UNSET)

        change_notice_minutes = d.pop("change_notice_minutes", UNSET)

        guide = cast(list[str], d.pop("guide", UNSET))


        def _parse_join_url_template(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        join_url_template = _parse_join_url_template(d.pop("join_url_template", UNSET))


        max_reschedules = d.pop("max_reschedules", UNSET)

        min_notice_minutes = d.pop("min_notice_minutes", UNSET)

        _mode = d.pop("mode", UNSET)
        mode: InterviewTypeInMode | Unset
        if isinstance(_mode,  Unset):
            mode = UNSET
        else:
            mode = InterviewTypeInMode(_mode)




        recording = d.pop("recording", UNSET)

        def _parse_rubric(data: object) -> None | Rubric | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                rubric_type_0 = Rubric.from_dict(data)



                return rubric_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Rubric | Unset, data)

        rubric = _parse_rubric(d.pop("rubric", UNSET))


        _slot_step_minutes = d.pop("slot_step_minutes", UNSET)
        slot_step_minutes: InterviewTypeInSlotStepMinutes | Unset
        if isinstance(_slot_step_minutes,  Unset):
            slot_step_minutes = UNSET
        else:
            slot_step_minutes = InterviewTypeInSlotStepMinutes(_slot_step_minutes)




        interview_type_in = cls(
            duration_minutes=duration_minutes,
            interviewer_ids=interviewer_ids,
            name=name,
            position_id=position_id,
            booking_window_days=booking_window_days,
            change_notice_minutes=change_notice_minutes,
            guide=guide,
            join_url_template=join_url_template,
            max_reschedules=max_reschedules,
            min_notice_minutes=min_notice_minutes,
            mode=mode,
            recording=recording,
            rubric=rubric,
            slot_step_minutes=slot_step_minutes,
        )

        return interview_type_in

