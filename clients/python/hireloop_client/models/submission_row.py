from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.submission_row_decision_type_0 import SubmissionRowDecisionType0
from ..models.submission_row_status import SubmissionRowStatus
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.candidate_identity import CandidateIdentity





T = TypeVar("T", bound="SubmissionRow")



@_attrs_define
class SubmissionRow:
    """ 
        Attributes:
            candidate (CandidateIdentity | None):
            invitation_id (str):
            invitation_state (str):
            rank (int): 1-based position in this ordering and filter.
            reviews (int):
            status (SubmissionRowStatus):
            decision (None | SubmissionRowDecisionType0 | Unset):
            mean (float | None | Unset):
            ready_at (datetime.datetime | None | Unset):
            spread (float | None | Unset):
     """

    candidate: CandidateIdentity | None
    invitation_id: str
    invitation_state: str
    rank: int
    reviews: int
    status: SubmissionRowStatus
    decision: None | SubmissionRowDecisionType0 | Unset = UNSET
    mean: float | None | Unset = UNSET
    ready_at: datetime.datetime | None | Unset = UNSET
    spread: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.candidate_identity import CandidateIdentity # noqa: PLC0415
        candidate: dict[str, Any] | None
        if isinstance(self.candidate, CandidateIdentity):
            candidate = self.candidate.to_dict()
        else:
            candidate = self.candidate

        invitation_id = self.invitation_id

        invitation_state = self.invitation_state

        rank = self.rank

        reviews = self.reviews

        status = self.status.value

        decision: None | str | Unset
        if isinstance(self.decision, Unset):
            decision = UNSET
        elif isinstance(self.decision, SubmissionRowDecisionType0):
            decision = self.decision.value
        else:
            decision = self.decision

        mean: float | None | Unset
        if isinstance(self.mean, Unset):
            mean = UNSET
        else:
            mean = self.mean

        ready_at: None | str | Unset
        if isinstance(self.ready_at, Unset):
            ready_at = UNSET
        elif isinstance(self.ready_at, datetime.datetime):
            ready_at = self.ready_at.isoformat()
        else:
            ready_at = self.ready_at

        spread: float | None | Unset
        if isinstance(self.spread, Unset):
            spread = UNSET
        else:
            spread = self.spread


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "candidate": candidate,
            "invitation_id": invitation_id,
            "invitation_state": invitation_state,
            "rank": rank,
            "reviews": reviews,
            "status": status,
        })
        if decision is not UNSET:
            field_dict["decision"] = decision
        if mean is not UNSET:
            field_dict["mean"] = mean
        if ready_at is not UNSET:
            field_dict["ready_at"] = ready_at
        if spread is not UNSET:
            field_dict["spread"] = spread

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.candidate_identity import CandidateIdentity # noqa: PLC0415
        d = dict(src_dict)
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

        rank = d.pop("rank")

        reviews = d.pop("reviews")

        status = SubmissionRowStatus(d.pop("status"))




        def _parse_decision(data: object) -> None | SubmissionRowDecisionType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decision_type_0 = SubmissionRowDecisionType0(data)



                return decision_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SubmissionRowDecisionType0 | Unset, data)

        decision = _parse_decision(d.pop("decision", UNSET))


        def _parse_mean(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        mean = _parse_mean(d.pop("mean", UNSET))


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


        def _parse_spread(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        spread = _parse_spread(d.pop("spread", UNSET))


        submission_row = cls(
            candidate=candidate,
            invitation_id=invitation_id,
            invitation_state=invitation_state,
            rank=rank,
            reviews=reviews,
            status=status,
            decision=decision,
            mean=mean,
            ready_at=ready_at,
            spread=spread,
        )


        submission_row.additional_properties = d
        return submission_row

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
