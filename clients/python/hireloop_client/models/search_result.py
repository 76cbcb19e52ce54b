from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.search_hit import SearchHit





T = TypeVar("T", bound="SearchResult")



@_attrs_define
class SearchResult:
    """ Passages of a position's answers holding every term of the query, in the order of the
    answers (by invitation, question and time), never by any score of the candidate.

        Attributes:
            hits (list[SearchHit]):
            query (str):
            terms (list[str]):
            truncated (bool): More passages matched than are listed.
     """

    hits: list[SearchHit]
    query: str
    terms: list[str]
    truncated: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.search_hit import SearchHit # noqa: PLC0415
        hits = []
        for hits_item_data in self.hits:
            hits_item = hits_item_data.to_dict()
            hits.append(hits_item)



        query = self.query

        terms = self.terms



        truncated = self.truncated


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "hits": hits,
            "query": query,
            "terms": terms,
            "truncated": truncated,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.search_hit import SearchHit # noqa: PLC0415
        d = dict(src_dict)
        hits = []
        _hits = d.pop("hits")
        for hits_item_data in (_hits):
            hits_item = SearchHit.from_dict(hits_item_data)



            hits.append(hits_item)


        query = d.pop("query")

        terms = cast(list[str], d.pop("terms"))


        truncated = d.pop("truncated")

        search_result = cls(
            hits=hits,
            query=query,
            terms=terms,
            truncated=truncated,
        )


        search_result.additional_properties = d
        return search_result

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
