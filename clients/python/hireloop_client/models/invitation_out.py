from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.invitation_out_state import InvitationOutState
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.accommodations import Accommodations
  from ..models.invitation_out_history_item import InvitationOutHistoryItem
  from ..models.invite_decision import InviteDecision





T = TypeVar("T", bound="InvitationOut")



@_attrs_define
class InvitationOut:
    """ 
        Attributes:
            accommodations (Accommodations):
            created_at (datetime.datetime):
            deadline (datetime.datetime):
            email (str):
            history (list[InvitationOutHistoryItem]):
            id (str):
            name (str):
            position_id (str):
            question_set_id (str):
            question_set_version (int):
            reminders_sent (int):
            state (InvitationOutState):
            decision (InviteDecision | None | Unset): The screening decision, once reviewers made one.
     """

    accommodations: Accommodations
    created_at: datetime.datetime
    deadline: datetime.datetime
    email: str
    history: list[InvitationOutHistoryItem]
    id: str
    name: str
    position_id: str
    question_set_id: str
    question_set_version: int
    reminders_sent: int
    state: InvitationOutState
    decision: InviteDecision | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.accommodations import Accommodations # noqa: PLC0415
        from ..models.invitation_out_history_item import InvitationOutHistoryItem # noqa: PLC0415
        from ..models.invite_decision import InviteDecision # noqa: PLC0415
        accommodations = self.accommodations.to_dict()

        created_at = self.created_at.isoformat()

        deadline = self.deadline.isoformat()

        email = self.email

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)



        id = self.id

        name = self.name

        position_id = self.position_id

        question_set_id = self.question_set_id

        question_set_version = self.question_set_version

        reminders_sent = self.reminders_sent

        state = self.state.value

        decision: dict[str, Any] | None | Unset
        if isinstance(self.decision, Unset):
            decision = UNSET
        elif isinstance(self.decision, InviteDecision):
            decision = self.decision.to_dict()
        else:
            decision = self.decision


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "accommodations": accommodations,
            "created_at": created_at,
            "deadline": deadline,
            "email": email,
            "history": history,
            "id": id,
            "name": name,
            "position_id": position_id,
            "question_set_id": question_set_id,
            "question_set_version": question_set_version,
            "reminders_sent": reminders_sent,
            "state": state,
        })
        if decision is not UNSET:
            field_dict["decision"] = decision

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.accommodations import Accommodations # noqa: PLC0415
        from ..models.invitation_out_history_item import InvitationOutHistoryItem # noqa: PLC0415
        from ..models.invite_decision import InviteDecision # noqa: PLC0415
        d = dict(src_dict)
        accommodations = Accommodations.from_dict(d.pop("accommodations"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        deadline = datetime.datetime.fromisoformat(d.pop("deadline"))




        email = d.pop("email")

        history = []
        _history = d.pop("history")
        for history_item_data in (_history):
            history_item = InvitationOutHistoryItem.from_dict(history_item_data)



            history.append(history_item)


        id = d.pop("id")

        name = d.pop("name")

        position_id = d.pop("position_id")

        question_set_id = d.pop("question_set_id")

        question_set_version = d.pop("question_set_version")

        reminders_sent = d.pop("reminders_sent")

        state = InvitationOutState(d.pop("state"))




        def _parse_decision(data: object) -> InviteDecision | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                decision_type_0 = InviteDecision.from_dict(data)



                return decision_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InviteDecision | None | Unset, data)

        decision = _parse_decision(d.pop("decision", UNSET))


        invitation_out = cls(
            accommodations=accommodations,
            created_at=created_at,
            deadline=deadline,
            email=email,
            history=history,
            id=id,
            name=name,
            position_id=position_id,
            question_set_id=question_set_id,
            question_set_version=question_set_version,
            reminders_sent=reminders_sent,
            state=state,
            decision=decision,
        )


        invitation_out.additional_properties = d
        return invitation_out

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
