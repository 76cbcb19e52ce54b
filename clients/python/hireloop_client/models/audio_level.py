from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="AudioLevel")



@_attrs_define
class AudioLevel:
    """ 
        Attributes:
            has_audio (bool):
            near_silent (bool):
            silent (bool):
            max_volume_db (float | None | Unset):
            mean_volume_db (float | None | Unset):
     """

    has_audio: bool
    near_silent: bool
    silent: bool
    max_volume_db: float | None | Unset = UNSET
    mean_volume_db: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        has_audio = self.has_audio

        near_silent = self.near_silent

        silent = self.silent

        max_volume_db: float | None | Unset
        if isinstance(self.max_volume_db, Unset):
            max_volume_db = UNSET
        else:
            max_volume_db = self.max_volume_db

        mean_volume_db: float | None | Unset
        if isinstance(self.mean_volume_db, Unset):
            mean_volume_db = UNSET
        else:
            mean_volume_db = self.mean_volume_db


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "has_audio": has_audio,
            "near_silent": near_silent,
            "silent": silent,
        })
        if max_volume_db is not UNSET:
            field_dict["max_volume_db"] = max_volume_db
        if mean_volume_db is not UNSET:
            field_dict["mean_volume_db"] = mean_volume_db

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        has_audio = d.pop("has_audio")

        near_silent = d.pop("near_silent")

        silent = d.pop("silent")

        def _parse_max_volume_db(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        max_volume_db = _parse_max_volume_db(d.pop("max_volume_db", UNSET))


        def _parse_mean_volume_db(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        mean_volume_db = _parse_mean_volume_db(d.pop("mean_volume_db", UNSET))


        audio_level = cls(
            has_audio=has_audio,
            near_silent=near_silent,
            silent=silent,
            max_volume_db=max_volume_db,
            mean_volume_db=mean_volume_db,
        )


        audio_level.additional_properties = d
        return audio_level

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
