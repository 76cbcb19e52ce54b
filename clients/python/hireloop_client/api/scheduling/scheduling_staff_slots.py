from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.slot_list import SlotList
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    request_id: str,
    *,
    time_zone: str | Unset = 'UTC',

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["time_zone"] = time_zone


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/interview-requests/{request_id}/slots".format(request_id=quote(str(request_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | SlotList | None:
    if response.status_code == 200:
        response_200 = SlotList.from_dict(response.json())



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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | SlotList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    request_id: str,
    *,
    client: AuthenticatedClient,
    time_zone: str | Unset = 'UTC',

) -> Response[Problem | SlotList]:
    """ Open slots (with who would interview), local times in `time_zone`

     Requires the scope `scheduling:read`.

    Args:
        request_id (str):
        time_zone (str | Unset): An IANA time zone name, e.g. `Europe/Paris`. Default: 'UTC'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SlotList]
     """


    kwargs = _get_kwargs(
        request_id=request_id,
time_zone=time_zone,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    request_id: str,
    *,
    client: AuthenticatedClient,
    time_zone: str | Unset = 'UTC',

) -> Problem | SlotList | None:
    """ Open slots (with who would interview), local times in `time_zone`

     Requires the scope `scheduling:read`.

    Args:
        request_id (str):
        time_zone (str | Unset): An IANA time zone name, e.g. `Europe/Paris`. Default: 'UTC'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SlotList
     """


    return sync_detailed(
        request_id=request_id,
client=client,
time_zone=time_zone,

    ).parsed

async def asyncio_detailed(
    request_id: str,
    *,
    client: AuthenticatedClient,
    time_zone: str | Unset = 'UTC',

) -> Response[Problem | SlotList]:
    """ Open slots (with who would interview), local times in `time_zone`

     Requires the scope `scheduling:read`.

    Args:
        request_id (str):
        time_zone (str | Unset): An IANA time zone name, e.g. `Europe/Paris`. Default: 'UTC'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SlotList]
     """


    kwargs = _get_kwargs(
        request_id=request_id,
time_zone=time_zone,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    request_id: str,
    *,
    client: AuthenticatedClient,
    time_zone: str | Unset = 'UTC',

) -> Problem | SlotList | None:
    """ Open slots (with who would interview), local times in `time_zone`

     Requires the scope `scheduling:read`.

    Args:
        request_id (str):
        time_zone (str | Unset): An IANA time zone name, e.g. `Europe/Paris`. Default: 'UTC'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SlotList
     """


    return (await asyncio_detailed(
        request_id=request_id,
client=client,
time_zone=time_zone,

    )).parsed
