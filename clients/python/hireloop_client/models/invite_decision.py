from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.invite_decision_outcome import InviteDecisionOutcome
from typing import cast
import datetime






T = TypeVar("T", bound="InviteDecision")



@_attrs_define
class InviteDecision:
    """ 
        Attributes:
            decided_at (datetime.datetime):
            outcome (InviteDecisionOutcome):
     """

    decided_at: datetime.datetime
    outcome: InviteDecisionOutcome
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        decided_at = self.decided_at.isoformat()

        outcome = self.outcome.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "decided_at": decided_at,
            "outcome": outcome,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        decided_at = datetime.datetime.fromisoformat(d.pop("decided_at"))




        outcome = InviteDecisionOutcome(d.pop("outcome"))




        invite_decision = cls(
            decided_at=decided_at,
            outcome=outcome,
        )


        invite_decision.additional_properties = d
        return invite_decision

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
