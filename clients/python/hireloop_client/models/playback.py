from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.rendition_info import RenditionInfo
  from ..models.thumbnails import Thumbnails





T = TypeVar("T", bound="Playback")



@_attrs_define
class Playback:
    """ Where to play a recording from. `master_playlist` and each rendition's `playlist` are
    paths relative to this resource's URL (their segment URLs are presigned and short-lived);
    poster and thumbnails are presigned URLs.

        Attributes:
            attempt_id (str):
            complete (bool): False while only the lowest rendition is (partly) ready.
            expires_at (datetime.datetime):
            master_playlist (str):
            renditions (list[RenditionInfo]):
            poster_url (None | str | Unset):
            thumbnails (None | Thumbnails | Unset):
     """

    attempt_id: str
    complete: bool
    expires_at: datetime.datetime
    master_playlist: str
    renditions: list[RenditionInfo]
    poster_url: None | str | Unset = UNSET
    thumbnails: None | Thumbnails | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.rendition_info import RenditionInfo # noqa: PLC0415
        from ..models.thumbnails import Thumbnails # noqa: PLC0415
        attempt_id = self.attempt_id

        complete = self.complete

        expires_at = self.expires_at.isoformat()

        master_playlist = self.master_playlist

        renditions = []
        for renditions_item_data in self.renditions:
            renditions_item = renditions_item_data.to_dict()
            renditions.append(renditions_item)



        poster_url: None | str | Unset
        if isinstance(self.poster_url, Unset):
            poster_url = UNSET
        else:
            poster_url = self.poster_url

        thumbnails: dict[str, Any] | None | Unset
        if isinstance(self.thumbnails, Unset):
            thumbnails = UNSET
        elif isinstance(self.thumbnails, Thumbnails):
            thumbnails = self.thumbnails.to_dict()
        else:
            thumbnails = self.thumbnails


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "attempt_id": attempt_id,
            "complete": complete,
            "expires_at": expires_at,
            "master_playlist": master_playlist,
            "renditions": renditions,
        })
        if poster_url is not UNSET:
            field_dict["poster_url"] = poster_url
        if thumbnails is not UNSET:
            field_dict["thumbnails"] = thumbnails

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rendition_info import RenditionInfo # noqa: PLC0415
        from ..models.thumbnails import Thumbnails # noqa: PLC0415
        d = dict(src_dict)
        attempt_id = d.pop("attempt_id")

        complete = d.pop("complete")

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))




        master_playlist = d.pop("master_playlist")

        renditions = []
        _renditions = d.pop("renditions")
        for renditions_item_data in (_renditions):
            renditions_item = RenditionInfo.from_dict(renditions_item_data)



            renditions.append(renditions_item)


        def _parse_poster_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        poster_url = _parse_poster_url(d.pop("poster_url", UNSET))


        def _parse_thumbnails(data: object) -> None | Thumbnails | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                thumbnails_type_0 = Thumbnails.from_dict(data)



                return thumbnails_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Thumbnails | Unset, data)

        thumbnails = _parse_thumbnails(d.pop("thumbnails", UNSET))


        playback = cls(
            attempt_id=attempt_id,
            complete=complete,
            expires_at=expires_at,
            master_playlist=master_playlist,
            renditions=renditions,
            poster_url=poster_url,
            thumbnails=thumbnails,
        )


        playback.additional_properties = d
        return playback

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
