from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.review_time import ReviewTime
from typing import cast



def _get_kwargs(
    position_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/positions/{position_id}/review-time".format(position_id=quote(str(position_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ReviewTime | None:
    if response.status_code == 200:
        response_200 = ReviewTime.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | ReviewTime]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    position_id: str,
    *,
    client: AuthenticatedClient,

) -> Response[Problem | ReviewTime]:
    """ Time to first review and to decision, and reviewers' minutes per candidate

     Over the position's completed candidates: the wait from completion to the first review and
    to the first advance or reject decision (median and 90th percentile, in hours), and the minutes of
    review a
    candidate took (player time and time on screen, all reviewers together), overall and per
    reviewer.

    Requires the scope `reviews:read`.

    Args:
        position_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReviewTime]
     """


    kwargs = _get_kwargs(
        position_id=position_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    position_id: str,
    *,
    client: AuthenticatedClient,

) -> Problem | ReviewTime | None:
    """ Time to first review and to decision, and reviewers' minutes per candidate

     Over the position's completed candidates: the wait from completion to the first review and
    to the first advance or reject decision (median and 90th percentile, in hours), and the minutes of
    review a
    candidate took (player time and time on screen, all reviewers together), overall and per
    reviewer.

    Requires the scope `reviews:read`.

    Args:
        position_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReviewTime
     """


    return sync_detailed(
        position_id=position_id,
client=client,

    ).parsed

async def asyncio_detailed(
    position_id: str,
    *,
    client: AuthenticatedClient,

) -> Response[Problem | ReviewTime]:
    """ Time to first review and to decision, and reviewers' minutes per candidate

     Over the position's completed candidates: the wait from completion to the first review and
    to the first advance or reject decision (median and 90th percentile, in hours), and the minutes of
    review a
    candidate took (player time and time on screen, all reviewers together), overall and per
    reviewer.

    Requires the scope `reviews:read`.

    Args:
        position_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReviewTime]
     """


    kwargs = _get_kwargs(
        position_id=position_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    position_id: str,
    *,
    client: AuthenticatedClient,

) -> Problem | ReviewTime | None:
    """ Time to first review and to decision, and reviewers' minutes per candidate

     Over the position's completed candidates: the wait from completion to the first review and
    to the first advance or reject decision (median and 90th percentile, in hours), and the minutes of
    review a
    candidate took (player time and time on screen, all reviewers together), overall and per
    reviewer.

    Requires the scope `reviews:read`.

    Args:
        position_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReviewTime
     """


    return (await asyncio_detailed(
        position_id=position_id,
client=client,

    )).parsed
