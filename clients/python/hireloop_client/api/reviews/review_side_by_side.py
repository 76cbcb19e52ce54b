from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.side_by_side import SideBySide
from typing import cast



def _get_kwargs(
    position_id: str,
    question_id: str,
    *,
    invitation_id: list[str],

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_invitation_id = invitation_id


    params["invitation_id"] = json_invitation_id


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/positions/{position_id}/questions/{question_id}/answers".format(position_id=quote(str(position_id), safe=""),question_id=quote(str(question_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | SideBySide | None:
    if response.status_code == 200:
        response_200 = SideBySide.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | SideBySide]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    position_id: str,
    question_id: str,
    *,
    client: AuthenticatedClient,
    invitation_id: list[str],

) -> Response[Problem | SideBySide]:
    """ One question's answers from several candidates, side by side with their scores

     One question's answers from several candidates, each with its scores for that answer.

    Requires the scope `reviews:read`.

    Args:
        position_id (str):
        question_id (str):
        invitation_id (list[str]): The candidates to compare (up to 20).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SideBySide]
     """


    kwargs = _get_kwargs(
        position_id=position_id,
question_id=question_id,
invitation_id=invitation_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    position_id: str,
    question_id: str,
    *,
    client: AuthenticatedClient,
    invitation_id: list[str],

) -> Problem | SideBySide | None:
    """ One question's answers from several candidates, side by side with their scores

     One question's answers from several candidates, each with its scores for that answer.

    Requires the scope `reviews:read`.

    Args:
        position_id (str):
        question_id (str):
        invitation_id (list[str]): The candidates to compare (up to 20).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SideBySide
     """


    return sync_detailed(
        position_id=position_id,
question_id=question_id,
client=client,
invitation_id=invitation_id,

    ).parsed

async def asyncio_detailed(
    position_id: str,
    question_id: str,
    *,
    client: AuthenticatedClient,
    invitation_id: list[str],

) -> Response[Problem | SideBySide]:
    """ One question's answers from several candidates, side by side with their scores

     One question's answers from several candidates, each with its scores for that answer.

    Requires the scope `reviews:read`.

    Args:
        position_id (str):
        question_id (str):
        invitation_id (list[str]): The candidates to compare (up to 20).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SideBySide]
     """


    kwargs = _get_kwargs(
        position_id=position_id,
question_id=question_id,
invitation_id=invitation_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    position_id: str,
    question_id: str,
    *,
    client: AuthenticatedClient,
    invitation_id: list[str],

) -> Problem | SideBySide | None:
    """ One question's answers from several candidates, side by side with their scores

     One question's answers from several candidates, each with its scores for that answer.

    Requires the scope `reviews:read`.

    Args:
        position_id (str):
        question_id (str):
        invitation_id (list[str]): The candidates to compare (up to 20).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SideBySide
     """


    return (await asyncio_detailed(
        position_id=position_id,
question_id=question_id,
client=client,
invitation_id=invitation_id,

    )).parsed
