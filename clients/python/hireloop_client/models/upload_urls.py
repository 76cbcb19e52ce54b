from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.upload_url import UploadUrl





T = TypeVar("T", bound="UploadUrls")



@_attrs_define
class UploadUrls:
    """ 
        Attributes:
            expires_at (datetime.datetime):
            urls (list[UploadUrl]):
     """

    expires_at: datetime.datetime
    urls: list[UploadUrl]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.upload_url import UploadUrl # noqa: PLC0415
        expires_at = self.expires_at.isoformat()

        urls = []
        for urls_item_data in self.urls:
            urls_item = urls_item_data.to_dict()
            urls.append(urls_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "expires_at": expires_at,
            "urls": urls,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.upload_url import UploadUrl # noqa: PLC0415
        d = dict(src_dict)
        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))




        urls = []
        _urls = d.pop("urls")
        for urls_item_data in (_urls):
            urls_item = UploadUrl.from_dict(urls_item_data)



            urls.append(urls_item)


        upload_urls = cls(
            expires_at=expires_at,
            urls=urls,
        )


        upload_urls.additional_properties = d
        return upload_urls

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
