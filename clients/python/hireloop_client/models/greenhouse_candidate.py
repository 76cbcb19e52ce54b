from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="GreenhouseCandidate")



@_attrs_define
class GreenhouseCandidate:
    """ 
        Attributes:
            email (str):
            first_name (str | Unset):  Default: ''.
            greenhouse_profile_url (None | str | Unset):
            last_name (str | Unset):  Default: ''.
            phone_number (None | str | Unset):
            resume_url (None | str | Unset):
     """

    email: str
    first_name: str | Unset = ''
    greenhouse_profile_url: None | str | Unset = UNSET
    last_name: str | Unset = ''
    phone_number: None | str | Unset = UNSET
    resume_url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        email = self.email

        first_name = self.first_name

        greenhouse_profile_url: None | str | Unset
        if isinstance(self.greenhouse_profile_url, Unset):
            greenhouse_profile_url = UNSET
        else:
            greenhouse_profile_url = self.greenhouse_profile_url

        last_name = self.last_name

        phone_number: None | str | Unset
        if isinstance(self.phone_number, Unset):
            phone_number = UNSET
        else:
            phone_number = self.phone_number

        resume_url: None | str | Unset
        if isinstance(self.resume_url, Unset):
            resume_url = UNSET
        else:
            resume_url = self.resume_url


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "email": email,
        })
        if first_name is not UNSET:
            field_dict["first_name"] = first_name
        if greenhouse_profile_url is not UNSET:
            field_dict["greenhouse_profile_url"] = greenhouse_profile_url
        if last_name is not UNSET:
            field_dict["last_name"] = last_name
        if phone_number is not UNSET:
            field_dict["phone_number"] = phone_number
        if resume_url is not UNSET:
            field_dict["resume_url"] = resume_url

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        first_name = d.pop("first_name", UNSET)

        def _parse_greenhouse_profile_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        greenhouse_profile_url = _parse_greenhouse_profile_url(d.pop("greenhouse_profile_url", UNSET))


        last_name = d.pop("last_name", UNSET)

        def _parse_phone_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone_number = _parse_phone_number(d.pop("phone_number", UNSET))


        def _parse_resume_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        resume_url = _parse_resume_url(d.pop("resume_url", UNSET))


        greenhouse_candidate = cls(
            email=email,
            first_name=first_name,
            greenhouse_profile_url=greenhouse_profile_url,
            last_name=last_name,
            phone_number=phone_number,
            resume_url=resume_url,
        )


        greenhouse_candidate.additional_properties = d
        return greenhouse_candidate

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
