from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.greenhouse_candidate import GreenhouseCandidate





T = TypeVar("T", bound="SendTestIn")



@_attrs_define
class SendTestIn:
    """ 
        Attributes:
            candidate (GreenhouseCandidate):
            partner_test_id (str):
            url (None | str | Unset): Greenhouse's callback: PATCHed when the candidate finishes or is decided on.
     """

    candidate: GreenhouseCandidate
    partner_test_id: str
    url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.greenhouse_candidate import GreenhouseCandidate # noqa: PLC0415
        candidate = self.candidate.to_dict()

        partner_test_id = self.partner_test_id

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "candidate": candidate,
            "partner_test_id": partner_test_id,
        })
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.greenhouse_candidate import GreenhouseCandidate # noqa: PLC0415
        d = dict(src_dict)
        candidate = GreenhouseCandidate.from_dict(d.pop("candidate"))




        partner_test_id = d.pop("partner_test_id")

        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))


        send_test_in = cls(
            candidate=candidate,
            partner_test_id=partner_test_id,
            url=url,
        )


        send_test_in.additional_properties = d
        return send_test_in

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
