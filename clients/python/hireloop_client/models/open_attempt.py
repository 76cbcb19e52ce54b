from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.open_attempt_mode import OpenAttemptMode
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="OpenAttempt")



@_attrs_define
class OpenAttempt:
    """ 
        Attributes:
            question_id (str):
            content_type (str | Unset):  Default: 'application/octet-stream'.
            declared_bytes (int | None | Unset): Size of a finished file.
            filename (None | str | Unset):
            mode (OpenAttemptMode | Unset): stream: chunks of any size while recording (any chunk may be small); file: a
                finished recording in parts of at least 5 MiB except the last. Default: OpenAttemptMode.STREAM.
     """

    question_id: str
    content_type: str | Unset = 'application/octet-stream'
    declared_bytes: int | None | Unset = UNSET
    filename: None | str | Unset = UNSET
    mode: OpenAttemptMode | Unset = OpenAttemptMode.STREAM
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        question_id = self.question_id

        content_type = self.content_type

        declared_bytes: int | None | Unset
        if isinstance(self.declared_bytes, Unset):
            declared_bytes = UNSET
        else:
            declared_bytes = self.declared_bytes

        filename: None | str | Unset
        if isinstance(self.filename, Unset):
            filename = UNSET
        else:
            filename = self.filename

        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode.value



        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "question_id": question_id,
        })
        if content_type is not UNSET:
            field_dict["content_type"] = content_type
        if declared_bytes is not UNSET:
            field_dict["declared_bytes"] = declared_bytes
        if filename is not UNSET:
            field_dict["filename"] = filename
        if mode is not UNSET:
            field_dict["mode"] = mode

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        question_id = d.pop("question_id")

        content_type = d.pop("content_type", UNSET)

        def _parse_declared_bytes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        declared_bytes = _parse_declared_bytes(d.pop("declared_bytes", UNSET))


        def _parse_filename(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        filename = _parse_filename(d.pop("filename", UNSET))


        _mode = d.pop("mode", UNSET)
        mode: OpenAttemptMode | Unset
        if isinstance(_mode,  Unset):
            mode = UNSET
        else:
            mode = OpenAttemptMode(_mode)




        open_attempt = cls(
            question_id=question_id,
            content_type=content_type,
            declared_bytes=declared_bytes,
            filename=filename,
            mode=mode,
        )


        open_attempt.additional_properties = d
        return open_attempt

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
