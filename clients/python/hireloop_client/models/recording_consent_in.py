from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="RecordingConsentIn")



@_attrs_define
class RecordingConsentIn:
    """ 
        Attributes:
            notice_version (str): The version of the notice the candidate read.
     """

    notice_version: str





    def to_dict(self) -> dict[str, Any]:
        notice_version = self.notice_version


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "notice_version": notice_version,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        notice_version = d.pop("notice_version")

        recording_consent_in = cls(
            notice_version=notice_version,
        )

        return recording_consent_in

