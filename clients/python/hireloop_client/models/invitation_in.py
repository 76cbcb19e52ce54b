from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.accommodations_in import AccommodationsIn





T = TypeVar("T", bound="InvitationIn")



@_attrs_define
class InvitationIn:
    """ 
        Attributes:
            email (str):
            name (str):
            accommodations (AccommodationsIn | None | Unset):
            deadline (datetime.datetime | None | Unset): Default: the position's days.
     """

    email: str
    name: str
    accommodations: AccommodationsIn | None | Unset = UNSET
    deadline: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.accommodations_in import AccommodationsIn # noqa: PLC0415
        email = self.email

        name = self.name

        accommodations: dict[str, Any] | None | Unset
        if isinstance(self.accommodations, Unset):
            accommodations = UNSET
        elif isinstance(self.accommodations, AccommodationsIn):
            accommodations = self.accommodations.to_dict()
        else:
            accommodations = self.accommodations

        deadline: None | str | Unset
        if isinstance(self.deadline, Unset):
            deadline = UNSET
        elif isinstance(self.deadline, datetime.datetime):
            deadline = self.deadline.isoformat()
        else:
            deadline = self.deadline


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "email": email,
            "name": name,
        })
        if accommodations is not UNSET:
            field_dict["accommodations"] = accommodations
        if deadline is not UNSET:
            field_dict["deadline"] = deadline

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.accommodations_in import AccommodationsIn # noqa: PLC0415
        d = dict(src_dict)
        email = d.pop("email")

        name = d.pop("name")

        def _parse_accommodations(data: object) -> AccommodationsIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                accommodations_type_0 = AccommodationsIn.from_dict(data)



                return accommodations_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AccommodationsIn | None | Unset, data)

        accommodations = _parse_accommodations(d.pop("accommodations", UNSET))


        def _parse_deadline(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                deadline_type_0 = datetime.datetime.fromisoformat(data)



                return deadline_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        deadline = _parse_deadline(d.pop("deadline", UNSET))


        invitation_in = cls(
            email=email,
            name=name,
            accommodations=accommodations,
            deadline=deadline,
        )


        invitation_in.additional_properties = d
        return invitation_in

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
