from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.candidate_language_available_item import CandidateLanguageAvailableItem
from ..models.candidate_language_chosen_type_0 import CandidateLanguageChosenType0
from ..models.candidate_language_default import CandidateLanguageDefault
from ..models.candidate_language_language import CandidateLanguageLanguage
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="CandidateLanguage")



@_attrs_define
class CandidateLanguage:
    """ 
        Attributes:
            chosen (CandidateLanguageChosenType0 | None): The candidate's own choice, if they made one.
            default (CandidateLanguageDefault): The tenant's default.
            language (CandidateLanguageLanguage): The language to show: the candidate's, else the default.
            available (list[CandidateLanguageAvailableItem] | Unset):
     """

    chosen: CandidateLanguageChosenType0 | None
    default: CandidateLanguageDefault
    language: CandidateLanguageLanguage
    available: list[CandidateLanguageAvailableItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        chosen: None | str
        if isinstance(self.chosen, CandidateLanguageChosenType0):
            chosen = self.chosen.value
        else:
            chosen = self.chosen

        default = self.default.value

        language = self.language.value

        available: list[str] | Unset = UNSET
        if not isinstance(self.available, Unset):
            available = []
            for available_item_data in self.available:
                available_item = available_item_data.value
                available.append(available_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "chosen": chosen,
            "default": default,
            "language": language,
        })
        if available is not UNSET:
            field_dict["available"] = available

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_chosen(data: object) -> CandidateLanguageChosenType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                chosen_type_0 = CandidateLanguageChosenType0(data)



                return chosen_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CandidateLanguageChosenType0 | None, data)

        chosen = _parse_chosen(d.pop("chosen"))


        default = CandidateLanguageDefault(d.pop("default"))




        language = CandidateLanguageLanguage(d.pop("language"))




        _available = d.pop("available", UNSET)
        available: list[CandidateLanguageAvailableItem] | Unset = UNSET
        if _available is not UNSET:
            available = []
            for available_item_data in _available:
                available_item = CandidateLanguageAvailableItem(available_item_data)



                available.append(available_item)


        candidate_language = cls(
            chosen=chosen,
            default=default,
            language=language,
            available=available,
        )


        candidate_language.additional_properties = d
        return candidate_language

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
