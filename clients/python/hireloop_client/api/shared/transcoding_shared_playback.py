from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.playback import Playback
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    attempt_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/shared/attempts/{attempt_id}/playback".format(attempt_id=quote(str(attempt_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Playback | Problem | None:
    if response.status_code == 200:
        response_200 = Playback.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Playback | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    attempt_id: str,
    *,
    client: AuthenticatedClient,

) -> Response[Playback | Problem]:
    """ Play a shared answer (playlist paths are relative to this URL)

     For a candidate holding a `share` link.

    Args:
        attempt_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Playback | Problem]
     """


    kwargs = _get_kwargs(
        attempt_id=attempt_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    attempt_id: str,
    *,
    client: AuthenticatedClient,

) -> Playback | Problem | None:
    """ Play a shared answer (playlist paths are relative to this URL)

     For a candidate holding a `share` link.

    Args:
        attempt_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Playback | Problem
     """


    return sync_detailed(
        attempt_id=attempt_id,
client=client,

    ).parsed

async def asyncio_detailed(
    attempt_id: str,
    *,
    client: AuthenticatedClient,

) -> Response[Playback | Problem]:
    """ Play a shared answer (playlist paths are relative to this URL)

     For a candidate holding a `share` link.

    Args:
        attempt_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Playback | Problem]
     """


    kwargs = _get_kwargs(
        attempt_id=attempt_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    attempt_id: str,
    *,
    client: AuthenticatedClient,

) -> Playback | Problem | None:
    """ Play a shared answer (playlist paths are relative to this URL)

     For a candidate holding a `share` link.

    Args:
        attempt_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Playback | Problem
     """


    return (await asyncio_detailed(
        attempt_id=attempt_id,
client=client,

    )).parsed
