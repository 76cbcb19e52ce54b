from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.decision_record_outcome import DecisionRecordOutcome
from ..models.decision_record_previous_type_0 import DecisionRecordPreviousType0
from typing import cast
import datetime






T = TypeVar("T", bound="DecisionRecord")



@_attrs_define
class DecisionRecord:
    """ 
        Attributes:
            decided_at (datetime.datetime):
            decided_by (str):
            id (str):
            invitation_id (str):
            outcome (DecisionRecordOutcome):
            previous (DecisionRecordPreviousType0 | None):
            reason (None | str):
     """

    decided_at: datetime.datetime
    decided_by: str
    id: str
    invitation_id: str
    outcome: DecisionRecordOutcome
    previous: DecisionRecordPreviousType0 | None
    reason: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        decided_at = self.decided_at.isoformat()

        decided_by = self.decided_by

        id = self.id

        invitation_id = self.invitation_id

        outcome = self.outcome.value

        previous: None | str
        if isinstance(self.previous, DecisionRecordPreviousType0):
            previous = self.previous.value
        else:
            previous = self.previous

        reason: None | str
        reason = self.reason


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "decided_at": decided_at,
            "decided_by": decided_by,
            "id": id,
            "invitation_id": invitation_id,
            "outcome": outcome,
            "previous": previous,
            "reason": reason,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        decided_at = datetime.datetime.fromisoformat(d.pop("decided_at"))




        decided_by = d.pop("decided_by")

        id = d.pop("id")

        invitation_id = d.pop("invitation_id")

        outcome = DecisionRecordOutcome(d.pop("outcome"))




        def _parse_previous(data: object) -> DecisionRecordPreviousType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                previous_type_0 = DecisionRecordPreviousType0(data)



                return previous_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DecisionRecordPreviousType0 | None, data)

        previous = _parse_previous(d.pop("previous"))


        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))


        decision_record = cls(
            decided_at=decided_at,
            decided_by=decided_by,
            id=id,
            invitation_id=invitation_id,
            outcome=outcome,
            previous=previous,
            reason=reason,
        )


        decision_record.additional_properties = d
        return decision_record

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
