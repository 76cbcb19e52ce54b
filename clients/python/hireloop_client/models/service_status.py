from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.service_status_checks import ServiceStatusChecks
  from ..models.service_status_handled import ServiceStatusHandled





T = TypeVar("T", bound="ServiceStatus")



@_attrs_define
class ServiceStatus:
    """ 
        Attributes:
            checks (ServiceStatusChecks):
            consumer_lag (float | None):
            dead_lettered (float | None):
            handled (ServiceStatusHandled):
            name (str):
            outbox_oldest_seconds (float | None):
            outbox_pending (float | None):
            ready (bool):
     """

    checks: ServiceStatusChecks
    consumer_lag: float | None
    dead_lettered: float | None
    handled: ServiceStatusHandled
    name: str
    outbox_oldest_seconds: float | None
    outbox_pending: float | None
    ready: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.service_status_checks import ServiceStatusChecks # noqa: PLC0415
        from ..models.service_status_handled import ServiceStatusHandled # noqa: PLC0415
        checks = self.checks.to_dict()

        consumer_lag: float | None
        consumer_lag = self.consumer_lag

        dead_lettered: float | None
        dead_lettered = self.dead_lettered

        handled = self.handled.to_dict()

        name = self.name

        outbox_oldest_seconds: float | None
        outbox_oldest_seconds = self.outbox_oldest_seconds

        outbox_pending: float | None
        outbox_pending = self.outbox_pending

        ready = self.ready


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "checks": checks,
            "consumer_lag": consumer_lag,
            "dead_lettered": dead_lettered,
            "handled": handled,
            "name": name,
            "outbox_oldest_seconds": outbox_oldest_seconds,
            "outbox_pending": outbox_pending,
            "ready": ready,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.service_status_checks import ServiceStatusChecks # noqa: PLC0415
        from ..models.service_status_handled import ServiceStatusHandled # noqa: PLC0415
        d = dict(src_dict)
        checks = ServiceStatusChecks.from_dict(d.pop("checks"))




        def _parse_consumer_lag(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        consumer_lag = _parse_consumer_lag(d.pop("consumer_lag"))


        def _parse_dead_lettered(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        dead_lettered = _parse_dead_lettered(d.pop("dead_lettered"))


        handled = ServiceStatusHandled.from_dict(d.pop("handled"))




        name = d.pop("name")

        def _parse_outbox_oldest_seconds(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        outbox_oldest_seconds = _parse_outbox_oldest_seconds(d.pop("outbox_oldest_seconds"))


        def _parse_outbox_pending(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        outbox_pending = _parse_outbox_pending(d.pop("outbox_pending"))


        ready = d.pop("ready")

        service_status = cls(
            checks=checks,
            consumer_lag=consumer_lag,
            dead_lettered=dead_lettered,
            handled=handled,
            name=name,
            outbox_oldest_seconds=outbox_oldest_seconds,
            outbox_pending=outbox_pending,
            ready=ready,
        )


        service_status.additional_properties = d
        return service_status

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
