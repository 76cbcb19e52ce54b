from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.attempt_list import AttemptList
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    question_id: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_question_id: None | str | Unset
    if isinstance(question_id, Unset):
        json_question_id = UNSET
    else:
        json_question_id = question_id
    params["question_id"] = json_question_id


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/candidate/attempts",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AttemptList | Problem | None:
    if response.status_code == 200:
        response_200 = AttemptList.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AttemptList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    question_id: None | str | Unset = UNSET,

) -> Response[AttemptList | Problem]:
    """ List my attempts (after a reload: find the open one and resume it)

     For a candidate holding a `interview` link.

    Args:
        question_id (None | str | Unset): Only this question's takes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AttemptList | Problem]
     """


    kwargs = _get_kwargs(
        question_id=question_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    question_id: None | str | Unset = UNSET,

) -> AttemptList | Problem | None:
    """ List my attempts (after a reload: find the open one and resume it)

     For a candidate holding a `interview` link.

    Args:
        question_id (None | str | Unset): Only this question's takes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AttemptList | Problem
     """


    return sync_detailed(
        client=client,
question_id=question_id,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    question_id: None | str | Unset = UNSET,

) -> Response[AttemptList | Problem]:
    """ List my attempts (after a reload: find the open one and resume it)

     For a candidate holding a `interview` link.

    Args:
        question_id (None | str | Unset): Only this question's takes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AttemptList | Problem]
     """


    kwargs = _get_kwargs(
        question_id=question_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    question_id: None | str | Unset = UNSET,

) -> AttemptList | Problem | None:
    """ List my attempts (after a reload: find the open one and resume it)

     For a candidate holding a `interview` link.

    Args:
        question_id (None | str | Unset): Only this question's takes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AttemptList | Problem
     """


    return (await asyncio_detailed(
        client=client,
question_id=question_id,

    )).parsed
