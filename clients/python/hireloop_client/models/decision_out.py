from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.decision_out_outcome import DecisionOutOutcome
from ..models.decision_out_previous_type_0 import DecisionOutPreviousType0
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="DecisionOut")



@_attrs_define
class DecisionOut:
    """ 
        Attributes:
            changed (bool): False when the same decision was already recorded.
            decided_at (datetime.datetime):
            decided_by (str):
            invitation_id (str):
            outcome (DecisionOutOutcome):
            previous (DecisionOutPreviousType0 | None | Unset):
            reason (None | str | Unset):
     """

    changed: bool
    decided_at: datetime.datetime
    decided_by: str
    invitation_id: str
    outcome: DecisionOutOutcome
    previous: DecisionOutPreviousType0 | None | Unset = UNSET
    reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        changed = self.changed

        decided_at = self.decided_at.isoformat()

        decided_by = self.decided_by

        invitation_id = self.invitation_id

        outcome = self.outcome.value

        previous: None | str | Unset
        if isinstance(self.previous, Unset):
            previous = UNSET
        elif isinstance(self.previous, DecisionOutPreviousType0):
            previous = self.previous.value
        else:
            previous = self.previous

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "changed": changed,
            "decided_at": decided_at,
            "decided_by": decided_by,
            "invitation_id": invitation_id,
            "outcome": outcome,
        })
        if previous is not UNSET:
            field_dict["previous"] = previous
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        changed = d.pop("changed")

        decided_at = datetime.datetime.fromisoformat(d.pop("decided_at"))




        decided_by = d.pop("decided_by")

        invitation_id = d.pop("invitation_id")

        outcome = DecisionOutOutcome(d.pop("outcome"))




        def _parse_previous(data: object) -> DecisionOutPreviousType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                previous_type_0 = DecisionOutPreviousType0(data)



                return previous_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DecisionOutPreviousType0 | None | Unset, data)

        previous = _parse_previous(d.pop("previous", UNSET))


        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        decision_out = cls(
            changed=changed,
            decided_at=decided_at,
            decided_by=decided_by,
            invitation_id=invitation_id,
            outcome=outcome,
            previous=previous,
            reason=reason,
        )


        decision_out.additional_properties = d
        return decision_out

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
