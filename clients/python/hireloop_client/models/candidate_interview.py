from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.candidate_interview_state import CandidateInterviewState
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.candidate_interview_prompt_captions import CandidateInterviewPromptCaptions
  from ..models.candidate_interview_prompt_videos import CandidateInterviewPromptVideos
  from ..models.notice import Notice
  from ..models.question_outline import QuestionOutline





T = TypeVar("T", bound="CandidateInterview")



@_attrs_define
class CandidateInterview:
    """ 
        Attributes:
            candidate_name (str):
            consented_at (datetime.datetime | None):
            deadline (datetime.datetime):
            invitation_id (str):
            notice (Notice):
            position_title (str):
            questions (list[QuestionOutline]):
            state (CandidateInterviewState):
            prompt_captions (CandidateInterviewPromptCaptions | Unset): The practice question's video prompt: id -> WebVTT
                captions.
            prompt_videos (CandidateInterviewPromptVideos | Unset): The practice question's video prompt: id -> a short-
                lived URL.
     """

    candidate_name: str
    consented_at: datetime.datetime | None
    deadline: datetime.datetime
    invitation_id: str
    notice: Notice
    position_title: str
    questions: list[QuestionOutline]
    state: CandidateInterviewState
    prompt_captions: CandidateInterviewPromptCaptions | Unset = UNSET
    prompt_videos: CandidateInterviewPromptVideos | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.candidate_interview_prompt_captions import CandidateInterviewPromptCaptions # noqa: PLC0415
        from ..models.candidate_interview_prompt_videos import CandidateInterviewPromptVideos # noqa: PLC0415
        from ..models.notice import Notice # noqa: PLC0415
        from ..models.question_outline import QuestionOutline # noqa: PLC0415
        candidate_name = self.candidate_name

        consented_at: None | str
        if isinstance(self.consented_at, datetime.datetime):
            consented_at = self.consented_at.isoformat()
        else:
            consented_at = self.consented_at

        deadline = self.deadline.isoformat()

        invitation_id = self.invitation_id

        notice = self.notice.to_dict()

        position_title = self.position_title

        questions = []
        for questions_item_data in self.questions:
            questions_item = questions_item_data.to_dict()
            questions.append(questions_item)



        state = self.state.value

        prompt_captions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.prompt_captions, Unset):
            prompt_captions = self.prompt_captions.to_dict()

        prompt_videos: dict[str, Any] | Unset = UNSET
        if not isinstance(self.prompt_videos, Unset):
            prompt_videos = self.prompt_videos.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "candidate_name": candidate_name,
            "consented_at": consented_at,
            "deadline": deadline,
            "invitation_id": invitation_id,
            "notice": notice,
            "position_title": position_title,
            "questions": questions,
            "state": state,
        })
        if prompt_captions is not UNSET:
            field_dict["prompt_captions"] = prompt_captions
        if prompt_videos is not UNSET:
            field_dict["prompt_videos"] = prompt_videos

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.candidate_interview_prompt_captions import CandidateInterviewPromptCaptions # noqa: PLC0415
        from ..models.candidate_interview_prompt_videos import CandidateInterviewPromptVideos # noqa: PLC0415
        from ..models.notice import Notice # noqa: PLC0415
        from ..models.question_outline import QuestionOutline # noqa: PLC0415
        d = dict(src_dict)
        candidate_name = d.pop("candidate_name")

        def _parse_consented_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                consented_at_type_0 = datetime.datetime.fromisoformat(data)



                return consented_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        consented_at = _parse_consented_at(d.pop("consented_at"))


        deadline = datetime.datetime.fromisoformat(d.pop("deadline"))




        invitation_id = d.pop("invitation_id")

        notice = Notice.from_dict(d.pop("notice"))




        position_title = d.pop("position_title")

        questions = []
        _questions = d.pop("questions")
        for questions_item_data in (_questions):
            questions_item = QuestionOutline.from_dict(questions_item_data)



            questions.append(questions_item)


        state = CandidateInterviewState(d.pop("state"))




        _prompt_captions = d.pop("prompt_captions", UNSET)
        prompt_captions: CandidateInterviewPromptCaptions | Unset
        if isinstance(_prompt_captions,  Unset):
            prompt_captions = UNSET
        else:
            prompt_captions = CandidateInterviewPromptCaptions.from_dict(_prompt_captions)




        _prompt_videos = d.pop("prompt_videos", UNSET)
        prompt_videos: CandidateInterviewPromptVideos | Unset
        if isinstance(_prompt_videos,  Unset):
            prompt_videos = UNSET
        else:
            prompt_videos = CandidateInterviewPromptVideos.from_dict(_prompt_videos)




        candidate_interview = cls(
            candidate_name=candidate_name,
            consented_at=consented_at,
            deadline=deadline,
            invitation_id=invitation_id,
            notice=notice,
            position_title=position_title,
            questions=questions,
            state=state,
            prompt_captions=prompt_captions,
            prompt_videos=prompt_videos,
        )


        candidate_interview.additional_properties = d
        return candidate_interview

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
