from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.submission_out import SubmissionOut
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    position_id: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_position_id: None | str | Unset
    if isinstance(position_id, Unset):
        json_position_id = UNSET
    else:
        json_position_id = position_id
    params["position_id"] = json_position_id


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/review-queue/next",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | SubmissionOut | None:
    if response.status_code == 200:
        response_200 = SubmissionOut.from_dict(response.json())



        return response_200

    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem | SubmissionOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    position_id: None | str | Unset = UNSET,

) -> Response[Any | Problem | SubmissionOut]:
    """ The next candidate assigned to you

     The next candidate assigned to you (oldest assignment first), in one call; 204 when nothing
    is left to review.

    Requires the scope `reviews:write`.

    Args:
        position_id (None | str | Unset): Only this position's queue.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | SubmissionOut]
     """


    kwargs = _get_kwargs(
        position_id=position_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    position_id: None | str | Unset = UNSET,

) -> Any | Problem | SubmissionOut | None:
    """ The next candidate assigned to you

     The next candidate assigned to you (oldest assignment first), in one call; 204 when nothing
    is left to review.

    Requires the scope `reviews:write`.

    Args:
        position_id (None | str | Unset): Only this position's queue.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | SubmissionOut
     """


    return sync_detailed(
        client=client,
position_id=position_id,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    position_id: None | str | Unset = UNSET,

) -> Response[Any | Problem | SubmissionOut]:
    """ The next candidate assigned to you

     The next candidate assigned to you (oldest assignment first), in one call; 204 when nothing
    is left to review.

    Requires the scope `reviews:write`.

    Args:
        position_id (None | str | Unset): Only this position's queue.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | SubmissionOut]
     """


    kwargs = _get_kwargs(
        position_id=position_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    position_id: None | str | Unset = UNSET,

) -> Any | Problem | SubmissionOut | None:
    """ The next candidate assigned to you

     The next candidate assigned to you (oldest assignment first), in one call; 204 when nothing
    is left to review.

    Requires the scope `reviews:write`.

    Args:
        position_id (None | str | Unset): Only this position's queue.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | SubmissionOut
     """


    return (await asyncio_detailed(
        client=client,
position_id=position_id,

    )).parsed
