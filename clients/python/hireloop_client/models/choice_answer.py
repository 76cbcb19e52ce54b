from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="ChoiceAnswer")



@_attrs_define
class ChoiceAnswer:
    """ The answer to a multiple-choice question: the chosen options, as 0-based indexes.

        Attributes:
            choices (list[int]):
     """

    choices: list[int]





    def to_dict(self) -> dict[str, Any]:
        choices = self.choices




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "choices": choices,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        choices = cast(list[int], d.pop("choices"))


        choice_answer = cls(
            choices=choices,
        )

        return choice_answer

