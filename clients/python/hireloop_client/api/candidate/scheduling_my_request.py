from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.candidate_request import CandidateRequest
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    time_zone: str | Unset = 'UTC',

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["time_zone"] = time_zone


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/candidate/scheduling",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CandidateRequest | Problem | None:
    if response.status_code == 200:
        response_200 = CandidateRequest.from_dict(response.json())



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

    if response.status_code == 410:
        response_410 = Problem.from_dict(response.json())



        return response_410

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CandidateRequest | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    time_zone: str | Unset = 'UTC',

) -> Response[CandidateRequest | Problem]:
    """ The interview behind this link, and the booking in `time_zone`

     For a candidate holding a `scheduling` link.

    Args:
        time_zone (str | Unset): An IANA time zone name, e.g. `Europe/Paris`. Default: 'UTC'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CandidateRequest | Problem]
     """


    kwargs = _get_kwargs(
        time_zone=time_zone,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    time_zone: str | Unset = 'UTC',

) -> CandidateRequest | Problem | None:
    """ The interview behind this link, and the booking in `time_zone`

     For a candidate holding a `scheduling` link.

    Args:
        time_zone (str | Unset): An IANA time zone name, e.g. `Europe/Paris`. Default: 'UTC'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CandidateRequest | Problem
     """


    return sync_detailed(
        client=client,
time_zone=time_zone,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    time_zone: str | Unset = 'UTC',

) -> Response[CandidateRequest | Problem]:
    """ The interview behind this link, and the booking in `time_zone`

     For a candidate holding a `scheduling` link.

    Args:
        time_zone (str | Unset): An IANA time zone name, e.g. `Europe/Paris`. Default: 'UTC'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CandidateRequest | Problem]
     """


    kwargs = _get_kwargs(
        time_zone=time_zone,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    time_zone: str | Unset = 'UTC',

) -> CandidateRequest | Problem | None:
    """ The interview behind this link, and the booking in `time_zone`

     For a candidate holding a `scheduling` link.

    Args:
        time_zone (str | Unset): An IANA time zone name, e.g. `Europe/Paris`. Default: 'UTC'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CandidateRequest | Problem
     """


    return (await asyncio_detailed(
        client=client,
time_zone=time_zone,

    )).parsed
