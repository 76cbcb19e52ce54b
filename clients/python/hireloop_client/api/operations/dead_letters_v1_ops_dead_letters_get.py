from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.dead_letter_page import DeadLetterPage
from ...models.dead_letters_v1_ops_dead_letters_get_status_type_0 import DeadLettersV1OpsDeadLettersGetStatusType0
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    status: DeadLettersV1OpsDeadLettersGetStatusType0 | None | Unset = DeadLettersV1OpsDeadLettersGetStatusType0.PARKED,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, DeadLettersV1OpsDeadLettersGetStatusType0):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/ops/dead-letters",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DeadLetterPage | Problem | None:
    if response.status_code == 200:
        response_200 = DeadLetterPage.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[DeadLetterPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: DeadLettersV1OpsDeadLettersGetStatusType0 | None | Unset = DeadLettersV1OpsDeadLettersGetStatusType0.PARKED,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[DeadLetterPage | Problem]:
    """ Dead letters of every consumer group, newest first

    Args:
        status (DeadLettersV1OpsDeadLettersGetStatusType0 | None | Unset):  Default:
            DeadLettersV1OpsDeadLettersGetStatusType0.PARKED.
        limit (int | Unset): The most items to answer (a page may hold fewer). Default: 50.
        cursor (None | str | Unset): The `next_cursor` of the previous page; omit for the first
            page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeadLetterPage | Problem]
     """


    kwargs = _get_kwargs(
        status=status,
limit=limit,
cursor=cursor,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    status: DeadLettersV1OpsDeadLettersGetStatusType0 | None | Unset = DeadLettersV1OpsDeadLettersGetStatusType0.PARKED,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> DeadLetterPage | Problem | None:
    """ Dead letters of every consumer group, newest first

    Args:
        status (DeadLettersV1OpsDeadLettersGetStatusType0 | None | Unset):  Default:
            DeadLettersV1OpsDeadLettersGetStatusType0.PARKED.
        limit (int | Unset): The most items to answer (a page may hold fewer). Default: 50.
        cursor (None | str | Unset): The `next_cursor` of the previous page; omit for the first
            page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeadLetterPage | Problem
     """


    return sync_detailed(
        client=client,
status=status,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: DeadLettersV1OpsDeadLettersGetStatusType0 | None | Unset = DeadLettersV1OpsDeadLettersGetStatusType0.PARKED,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[DeadLetterPage | Problem]:
    """ Dead letters of every consumer group, newest first

    Args:
        status (DeadLettersV1OpsDeadLettersGetStatusType0 | None | Unset):  Default:
            DeadLettersV1OpsDeadLettersGetStatusType0.PARKED.
        limit (int | Unset): The most items to answer (a page may hold fewer). Default: 50.
        cursor (None | str | Unset): The `next_cursor` of the previous page; omit for the first
            page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeadLetterPage | Problem]
     """


    kwargs = _get_kwargs(
        status=status,
limit=limit,
cursor=cursor,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    status: DeadLettersV1OpsDeadLettersGetStatusType0 | None | Unset = DeadLettersV1OpsDeadLettersGetStatusType0.PARKED,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> DeadLetterPage | Problem | None:
    """ Dead letters of every consumer group, newest first

    Args:
        status (DeadLettersV1OpsDeadLettersGetStatusType0 | None | Unset):  Default:
            DeadLettersV1OpsDeadLettersGetStatusType0.PARKED.
        limit (int | Unset): The most items to answer (a page may hold fewer). Default: 50.
        cursor (None | str | Unset): The `next_cursor` of the previous page; omit for the first
            page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeadLetterPage | Problem
     """


    return (await asyncio_detailed(
        client=client,
status=status,
limit=limit,
cursor=cursor,

    )).parsed
