from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.test_status_out_partner_status import TestStatusOutPartnerStatus
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.test_status_out_metadata import TestStatusOutMetadata





T = TypeVar("T", bound="TestStatusOut")



@_attrs_define
class TestStatusOut:
    """ 
        Attributes:
            partner_status (TestStatusOutPartnerStatus):
            metadata (TestStatusOutMetadata | Unset):
            partner_profile_url (None | str | Unset):
     """

    partner_status: TestStatusOutPartnerStatus
    metadata: TestStatusOutMetadata | Unset = UNSET
    partner_profile_url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.test_status_out_metadata import TestStatusOutMetadata # noqa: PLC0415
        partner_status = self.partner_status.value

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        partner_profile_url: None | str | Unset
        if isinstance(self.partner_profile_url, Unset):
            partner_profile_url = UNSET
        else:
            partner_profile_url = self.partner_profile_url


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "partner_status": partner_status,
        })
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if partner_profile_url is not UNSET:
            field_dict["partner_profile_url"] = partner_profile_url

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.test_status_out_metadata import TestStatusOutMetadata # noqa: PLC0415
        d = dict(src_dict)
        partner_status = TestStatusOutPartnerStatus(d.pop("partner_status"))




        _metadata = d.pop("metadata", UNSET)
        metadata: TestStatusOutMetadata | Unset
        if isinstance(_metadata,  Unset):
            metadata = UNSET
        else:
            metadata = TestStatusOutMetadata.from_dict(_metadata)




        def _parse_partner_profile_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        partner_profile_url = _parse_partner_profile_url(d.pop("partner_profile_url", UNSET))


        test_status_out = cls(
            partner_status=partner_status,
            metadata=metadata,
            partner_profile_url=partner_profile_url,
        )


        test_status_out.additional_properties = d
        return test_status_out

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
