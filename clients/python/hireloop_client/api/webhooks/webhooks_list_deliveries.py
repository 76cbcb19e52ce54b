from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.delivery_out import DeliveryOut
from ...models.problem import Problem
from ...models.webhooks_list_deliveries_status_type_0 import WebhooksListDeliveriesStatusType0
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    endpoint_id: str,
    *,
    status: None | Unset | WebhooksListDeliveriesStatusType0 = UNSET,
    before: None | str | Unset = UNSET,
    limit: int | Unset = 100,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, WebhooksListDeliveriesStatusType0):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_before: None | str | Unset
    if isinstance(before, Unset):
        json_before = UNSET
    else:
        json_before = before
    params["before"] = json_before

    params["limit"] = limit


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/webhooks/endpoints/{endpoint_id}/deliveries".format(endpoint_id=quote(str(endpoint_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | list[DeliveryOut] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in (_response_200):
            response_200_item = DeliveryOut.from_dict(response_200_item_data)



            response_200.append(response_200_item)

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())



        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | list[DeliveryOut]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    endpoint_id: str,
    *,
    client: AuthenticatedClient,
    status: None | Unset | WebhooksListDeliveriesStatusType0 = UNSET,
    before: None | str | Unset = UNSET,
    limit: int | Unset = 100,

) -> Response[Problem | list[DeliveryOut]]:
    """ List an endpoint's deliveries, newest first (cursor pagination with ?before=)

     Requires the scope `webhooks:read`.

    Args:
        endpoint_id (str):
        status (None | Unset | WebhooksListDeliveriesStatusType0):
        before (None | str | Unset): Cursor: the last id of the previous page.
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[DeliveryOut]]
     """


    kwargs = _get_kwargs(
        endpoint_id=endpoint_id,
status=status,
before=before,
limit=limit,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    endpoint_id: str,
    *,
    client: AuthenticatedClient,
    status: None | Unset | WebhooksListDeliveriesStatusType0 = UNSET,
    before: None | str | Unset = UNSET,
    limit: int | Unset = 100,

) -> Problem | list[DeliveryOut] | None:
    """ List an endpoint's deliveries, newest first (cursor pagination with ?before=)

     Requires the scope `webhooks:read`.

    Args:
        endpoint_id (str):
        status (None | Unset | WebhooksListDeliveriesStatusType0):
        before (None | str | Unset): Cursor: the last id of the previous page.
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[DeliveryOut]
     """


    return sync_detailed(
        endpoint_id=endpoint_id,
client=client,
status=status,
before=before,
limit=limit,

    ).parsed

async def asyncio_detailed(
    endpoint_id: str,
    *,
    client: AuthenticatedClient,
    status: None | Unset | WebhooksListDeliveriesStatusType0 = UNSET,
    before: None | str | Unset = UNSET,
    limit: int | Unset = 100,

) -> Response[Problem | list[DeliveryOut]]:
    """ List an endpoint's deliveries, newest first (cursor pagination with ?before=)

     Requires the scope `webhooks:read`.

    Args:
        endpoint_id (str):
        status (None | Unset | WebhooksListDeliveriesStatusType0):
        before (None | str | Unset): Cursor: the last id of the previous page.
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[DeliveryOut]]
     """


    kwargs = _get_kwargs(
        endpoint_id=endpoint_id,
status=status,
before=before,
limit=limit,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    endpoint_id: str,
    *,
    client: AuthenticatedClient,
    status: None | Unset | WebhooksListDeliveriesStatusType0 = UNSET,
    before: None | str | Unset = UNSET,
    limit: int | Unset = 100,

) -> Problem | list[DeliveryOut] | None:
    """ List an endpoint's deliveries, newest first (cursor pagination with ?before=)

     Requires the scope `webhooks:read`.

    Args:
        endpoint_id (str):
        status (None | Unset | WebhooksListDeliveriesStatusType0):
        before (None | str | Unset): Cursor: the last id of the previous page.
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[DeliveryOut]
     """


    return (await asyncio_detailed(
        endpoint_id=endpoint_id,
client=client,
status=status,
before=before,
limit=limit,

    )).parsed
