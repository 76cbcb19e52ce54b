from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Conferencing")



@_attrs_define
class Conferencing:
    """ The tenant's join link for live sessions; None uses the installation's default.

        Attributes:
            join_url_template (None | str | Unset):
     """

    join_url_template: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        join_url_template: None | str | Unset
        if isinstance(self.join_url_template, Unset):
            join_url_template = UNSET
        else:
            join_url_template = self.join_url_template


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if join_url_template is not UNSET:
            field_dict["join_url_template"] = join_url_template

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_join_url_template(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        join_url_template = _parse_join_url_template(d.pop("join_url_template", UNSET))


        conferencing = cls(
            join_url_template=join_url_template,
        )

        return conferencing

