from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.scores_criteria import ScoresCriteria
  from ..models.scores_recommendations import ScoresRecommendations





T = TypeVar("T", bound="Scores")



@_attrs_define
class Scores:
    """ 
        Attributes:
            criteria (ScoresCriteria):
            mean (float | None):
            recommendations (ScoresRecommendations):
            reviews (int):
            spread (float | None): Population standard deviation of reviewer means.
     """

    criteria: ScoresCriteria
    mean: float | None
    recommendations: ScoresRecommendations
    reviews: int
    spread: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.scores_criteria import ScoresCriteria # noqa: PLC0415
        from ..models.scores_recommendations import ScoresRecommendations # noqa: PLC0415
        criteria = self.criteria.to_dict()

        mean: float | None
        mean = self.mean

        recommendations = self.recommendations.to_dict()

        reviews = self.reviews

        spread: float | None
        spread = self.spread


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "criteria": criteria,
            "mean": mean,
            "recommendations": recommendations,
            "reviews": reviews,
            "spread": spread,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scores_criteria import ScoresCriteria # noqa: PLC0415
        from ..models.scores_recommendations import ScoresRecommendations # noqa: PLC0415
        d = dict(src_dict)
        criteria = ScoresCriteria.from_dict(d.pop("criteria"))




        def _parse_mean(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        mean = _parse_mean(d.pop("mean"))


        recommendations = ScoresRecommendations.from_dict(d.pop("recommendations"))




        reviews = d.pop("reviews")

        def _parse_spread(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        spread = _parse_spread(d.pop("spread"))


        scores = cls(
            criteria=criteria,
            mean=mean,
            recommendations=recommendations,
            reviews=reviews,
            spread=spread,
        )


        scores.additional_properties = d
        return scores

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
