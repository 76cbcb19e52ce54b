from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.progress_state import ProgressState
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.progress_history_item import ProgressHistoryItem





T = TypeVar("T", bound="Progress")



@_attrs_define
class Progress:
    """ 
        Attributes:
            deadline (datetime.datetime):
            history (list[ProgressHistoryItem]):
            invitation_id (str):
            state (ProgressState):
     """

    deadline: datetime.datetime
    history: list[ProgressHistoryItem]
    invitation_id: str
    state: ProgressState
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.progress_history_item import ProgressHistoryItem # noqa: PLC0415
        deadline = self.deadline.isoformat()

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)



        invitation_id = self.invitation_id

        state = self.state.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "deadline": deadline,
            "history": history,
            "invitation_id": invitation_id,
            "state": state,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.progress_history_item import ProgressHistoryItem # noqa: PLC0415
        d = dict(src_dict)
        deadline = datetime.datetime.fromisoformat(d.pop("deadline"))




        history = []
        _history = d.pop("history")
        for history_item_data in (_history):
            history_item = ProgressHistoryItem.from_dict(history_item_data)



            history.append(history_item)


        invitation_id = d.pop("invitation_id")

        state = ProgressState(d.pop("state"))




        progress = cls(
            deadline=deadline,
            history=history,
            invitation_id=invitation_id,
            state=state,
        )


        progress.additional_properties = d
        return progress

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
