from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.submission_out_status import SubmissionOutStatus
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.answer import Answer
  from ..models.candidate_identity import CandidateIdentity
  from ..models.interview_note import InterviewNote
  from ..models.interview_recording import InterviewRecording
  from ..models.interview_stage import InterviewStage
  from ..models.review_decision import ReviewDecision
  from ..models.review_out import ReviewOut
  from ..models.scores import Scores





T = TypeVar("T", bound="SubmissionOut")



@_attrs_define
class SubmissionOut:
    """ 
        Attributes:
            answers (list[Answer]):
            assigned_to_me (bool):
            blind (bool):
            candidate (CandidateIdentity | None): Withheld (null) under blind review until a decision is recorded.
            invitation_id (str):
            invitation_state (str):
            position_id (str):
            ratings_hidden (bool): True while you are a panel reviewer who has not submitted your own review.
            reviewable (bool):
            reviewed_by_me (bool):
            status (SubmissionOutStatus):
            decision (None | ReviewDecision | Unset):
            interview (InterviewStage | None | Unset): The latest completed live interview's scores; withheld like `scores`.
            interview_notes (list[InterviewNote] | Unset): The panel's notes pinned to moments of the live calls, by moment;
                withheld like `scores`.
            interview_recordings (list[InterviewRecording] | Unset): The recorded live interviews' calls, oldest first.
            position_title (None | str | Unset):
            ready_at (datetime.datetime | None | Unset):
            reviews (list[ReviewOut] | Unset):
            rubric_version (int | None | Unset):
            scores (None | Scores | Unset):
     """

    answers: list[Answer]
    assigned_to_me: bool
    blind: bool
    candidate: CandidateIdentity | None
    invitation_id: str
    invitation_state: str
    position_id: str
    ratings_hidden: bool
    reviewable: bool
    reviewed_by_me: bool
    status: SubmissionOutStatus
    decision: None | ReviewDecision | Unset = UNSET
    interview: InterviewStage | None | Unset = UNSET
    interview_notes: list[InterviewNote] | Unset = UNSET
    interview_recordings: list[InterviewRecording] | Unset = UNSET
    position_title: None | str | Unset = UNSET
    ready_at: datetime.datetime | None | Unset = UNSET
    reviews: list[ReviewOut] | Unset = UNSET
    rubric_version: int | None | Unset = UNSET
    scores: None | Scores | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.answer import Answer # noqa: PLC0415
        from ..models.candidate_identity import CandidateIdentity # noqa: PLC0415
        from ..models.interview_note import InterviewNote # noqa: PLC0415
        from ..models.interview_recording import InterviewRecording # noqa: PLC0415
        from ..models.interview_stage import InterviewStage # noqa: PLC0415
        from ..models.review_decision import ReviewDecision # noqa: PLC0415
        from ..models.review_out import ReviewOut # noqa: PLC0415
        from ..models.scores import Scores # noqa: PLC0415
        answers = []
        for answers_item_data in self.answers:
            answers_item = answers_item_data.to_dict()
            answers.append(answers_item)



        assigned_to_me = self.assigned_to_me

        blind = self.blind

        candidate: dict[str, Any] | None
        if isinstance(self.candidate, CandidateIdentity):
            candidate = self.candidate.to_dict()
        else:
            candidate = self.candidate

        invitation_id = self.invitation_id

        invitation_state = self.invitation_state

        position_id = self.position_id

        ratings_hidden = self.ratings_hidden

        reviewable = self.reviewable

        reviewed_by_me = self.reviewed_by_me

        status = self.status.value

        decision: dict[str, Any] | None | Unset
        if isinstance(self.decision, Unset):
            decision = UNSET
        elif isinstance(self.decision, ReviewDecision):
            decision = self.decision.to_dict()
        else:
            decision = self.decision

        interview: dict[str, Any] | None | Unset
        if isinstance(self.interview, Unset):
            interview = UNSET
        elif isinstance(self.interview, InterviewStage):
            interview = self.interview.to_dict()
        else:
            interview = self.interview

        interview_notes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.interview_notes, Unset):
            interview_notes = []
            for interview_notes_item_data in self.interview_notes:
                interview_notes_item = interview_notes_item_data.to_dict()
                interview_notes.append(interview_notes_item)



        interview_recordings: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.interview_recordings, Unset):
            interview_recordings = []
            for interview_recordings_item_data in self.interview_recordings:
                interview_recordings_item = interview_recordings_item_data.to_dict()
                interview_recordings.append(interview_recordings_item)



        position_title: None | str | Unset
        if isinstance(self.position_title, Unset):
            position_title = UNSET
        else:
            position_title = self.position_title

        ready_at: None | str | Unset
        if isinstance(self.ready_at, Unset):
            ready_at = UNSET
        elif isinstance(self.ready_at, datetime.datetime):
            ready_at = self.ready_at.isoformat()
        else:
            ready_at = self.ready_at

        reviews: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.reviews, Unset):
            reviews = []
            for reviews_item_data in self.reviews:
                reviews_item = reviews_item_data.to_dict()
                reviews.append(reviews_item)



        rubric_version: int | None | Unset
        if isinstance(self.rubric_version, Unset):
            rubric_version = UNSET
        else:
            rubric_version = self.rubric_version

        scores: dict[str, Any] | None | Unset
        if isinstance(self.scores, Unset):
            scores = UNSET
        elif isinstance(self.scores, Scores):
            scores = self.scores.to_dict()
        else:
            scores = self.scores


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "answers": answers,
            "assigned_to_me": assigned_to_me,
            "blind": blind,
            "candidate": candidate,
            "invitation_id": invitation_id,
            "invitation_state": invitation_state,
            "position_id": position_id,
            "ratings_hidden": ratings_hidden,
            "reviewable": reviewable,
            "reviewed_by_me": reviewed_by_me,
            "status": status,
        })
        if decision is not UNSET:
            field_dict["decision"] = decision
        if interview is not UNSET:
            field_dict["interview"] = interview
        if interview_notes is not UNSET:
            field_dict["interview_notes"] = interview_notes
        if interview_recordings is not UNSET:
            field_dict["interview_recordings"] = interview_recordings
        if position_title is not UNSET:
            field_dict["position_title"] = position_title
        if ready_at is not UNSET:
            field_dict["ready_at"] = ready_at
        if reviews is not UNSET:
            field_dict["reviews"] = reviews
        if rubric_version is not UNSET:
            field_dict["rubric_version"] = rubric_version
        if scores is not UNSET:
            field_dict["scores"] = scores

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.answer import Answer # noqa: PLC0415
        from ..models.candidate_identity import CandidateIdentity # noqa: PLC0415
        from ..models.interview_note import InterviewNote # noqa: PLC0415
        from ..models.interview_recording import InterviewRecording # noqa: PLC0415
        from ..models.interview_stage import InterviewStage # noqa: PLC0415
        from ..models.review_decision import ReviewDecision # noqa: PLC0415
        from ..models.review_out import ReviewOut # noqa: PLC0415
        from ..models.scores import Scores # noqa: PLC0415
        d = dict(src_dict)
        answers = []
        _answers = d.pop("answers")
        for answers_item_data in (_answers):
            answers_item = Answer.from_dict(answers_item_data)



            answers.append(answers_item)


        assigned_to_me = d.pop("assigned_to_me")

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


        invitation_id = d.pop("invitation_id")

        invitation_state = d.pop("invitation_state")

        position_id = d.pop("position_id")

        ratings_hidden = d.pop("ratings_hidden")

        reviewable = d.pop("reviewable")

        reviewed_by_me = d.pop("reviewed_by_me")

        status = SubmissionOutStatus(d.pop("status"))




        def _parse_decision(data: object) -> None | ReviewDecision | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                decision_type_0 = ReviewDecision.from_dict(data)



                return decision_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReviewDecision | Unset, data)

        decision = _parse_decision(d.pop("decision", UNSET))


        def _parse_interview(data: object) -> InterviewStage | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                interview_type_0 = InterviewStage.from_dict(data)



                return interview_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InterviewStage | None | Unset, data)

        interview = _parse_interview(d.pop("interview", UNSET))


        _interview_notes = d.pop("interview_notes", UNSET)
        interview_notes: list[InterviewNote] | Unset = UNSET
        if _interview_notes is not UNSET:
            interview_notes = []
            for interview_notes_item_data in _interview_notes:
                interview_notes_item = InterviewNote.from_dict(interview_notes_item_data)



                interview_notes.append(interview_notes_item)


        _interview_recordings = d.pop("interview_recordings", UNSET)
        interview_recordings: list[InterviewRecording] | Unset = UNSET
        if _interview_recordings is not UNSET:
            interview_recordings = []
            for interview_recordings_item_data in _interview_recordings:
                interview_recordings_item = InterviewRecording.from_dict(interview_recordings_item_data)



                interview_recordings.append(interview_recordings_item)


        def _parse_position_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        position_title = _parse_position_title(d.pop("position_title", UNSET))


        def _parse_ready_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ready_at_type_0 = datetime.datetime.fromisoformat(data)



                return ready_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        ready_at = _parse_ready_at(d.pop("ready_at", UNSET))


        _reviews = d.pop("reviews", UNSET)
        reviews: list[ReviewOut] | Unset = UNSET
        if _reviews is not UNSET:
            reviews = []
            for reviews_item_data in _reviews:
                reviews_item = ReviewOut.from_dict(reviews_item_data)



                reviews.append(reviews_item)


        def _parse_rubric_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        rubric_version = _parse_rubric_version(d.pop("rubric_version", UNSET))


        def _parse_scores(data: object) -> None | Scores | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                scores_type_0 = Scores.from_dict(data)



                return scores_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Scores | Unset, data)

        scores = _parse_scores(d.pop("scores", UNSET))


        submission_out = cls(
            answers=answers,
            assigned_to_me=assigned_to_me,
            blind=blind,
            candidate=candidate,
            invitation_id=invitation_id,
            invitation_state=invitation_state,
            position_id=position_id,
            ratings_hidden=ratings_hidden,
            reviewable=reviewable,
            reviewed_by_me=reviewed_by_me,
            status=status,
            decision=decision,
            interview=interview,
            interview_notes=interview_notes,
            interview_recordings=interview_recordings,
            position_title=position_title,
            ready_at=ready_at,
            reviews=reviews,
            rubric_version=rubric_version,
            scores=scores,
        )


        submission_out.additional_properties = d
        return submission_out

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
