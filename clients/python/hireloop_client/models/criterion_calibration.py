from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.reviewer_offset import ReviewerOffset





T = TypeVar("T", bound="CriterionCalibration")



@_attrs_define
class CriterionCalibration:
    """ 
        Attributes:
            alpha (float | None): Krippendorff's alpha, interval metric.
            criterion_id (str):
            pairable_values (int):
            reviewers (list[ReviewerOffset]):
            units (int):
     """

    alpha: float | None
    criterion_id: str
    pairable_values: int
    reviewers: list[ReviewerOffset]
    units: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.reviewer_offset import ReviewerOffset # noqa: PLC0415
        alpha: float | None
        alpha = self.alpha

        criterion_id = self.criterion_id

        pairable_values = self.pairable_values

        reviewers = []
        for reviewers_item_data in self.reviewers:
            reviewers_item = reviewers_item_data.to_dict()
            reviewers.append(reviewers_item)



        units = self.units


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "alpha": alpha,
            "criterion_id": criterion_id,
            "pairable_values": pairable_values,
            "reviewers": reviewers,
            "units": units,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reviewer_offset import ReviewerOffset # noqa: PLC0415
        d = dict(src_dict)
        def _parse_alpha(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        alpha = _parse_alpha(d.pop("alpha"))


        criterion_id = d.pop("criterion_id")

        pairable_values = d.pop("pairable_values")

        reviewers = []
        _reviewers = d.pop("reviewers")
        for reviewers_item_data in (_reviewers):
            reviewers_item = ReviewerOffset.from_dict(reviewers_item_data)



            reviewers.append(reviewers_item)


        units = d.pop("units")

        criterion_calibration = cls(
            alpha=alpha,
            criterion_id=criterion_id,
            pairable_values=pairable_values,
            reviewers=reviewers,
            units=units,
        )


        criterion_calibration.additional_properties = d
        return criterion_calibration

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
