from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.prompt_video_in_content_type import PromptVideoInContentType
from ..types import UNSET, Unset






T = TypeVar("T", bound="PromptVideoIn")



@_attrs_define
class PromptVideoIn:
    """ 
        Attributes:
            content_type (PromptVideoInContentType | Unset):  Default: PromptVideoInContentType.VIDEOWEBM.
     """

    content_type: PromptVideoInContentType | Unset = PromptVideoInContentType.VIDEOWEBM
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        content_type: str | Unset = UNSET
        if not isinstance(self.content_type, Unset):
            content_type = self.content_type.value



        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if content_type is not UNSET:
            field_dict["content_type"] = content_type

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _content_type = d.pop("content_type", UNSET)
        content_type: PromptVideoInContentType | Unset
        if isinstance(_content_type,  Unset):
            content_type = UNSET
        else:
            content_type = PromptVideoInContentType(_content_type)




        prompt_video_in = cls(
            content_type=content_type,
        )


        prompt_video_in.additional_properties = d
        return prompt_video_in

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
