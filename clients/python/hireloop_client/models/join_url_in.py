from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="JoinUrlIn")



@_attrs_define
class JoinUrlIn:
    """ A join link an integration created for one booking.

        Attributes:
            join_url (str):
     """

    join_url: str





    def to_dict(self) -> dict[str, Any]:
        join_url = self.join_url


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "join_url": join_url,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        join_url = d.pop("join_url")

        join_url_in = cls(
            join_url=join_url,
        )

        return join_url_in

