from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.test_status_out import TestStatusOut
from typing import cast



def _get_kwargs(
    *,
    partner_interview_id: str,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["partner_interview_id"] = partner_interview_id


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/partners/greenhouse/test_status",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | TestStatusOut | None:
    if response.status_code == 200:
        response_200 = TestStatusOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | TestStatusOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    partner_interview_id: str,

) -> Response[Problem | TestStatusOut]:
    """ Greenhouse: a sent test's status (complete once the candidate finished)

     Greenhouse sends the API key (scope `greenhouse:partner`) as the HTTP Basic user name with an empty
    password.

    Requires the scope `greenhouse:partner`.

    Args:
        partner_interview_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TestStatusOut]
     """


    kwargs = _get_kwargs(
        partner_interview_id=partner_interview_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    partner_interview_id: str,

) -> Problem | TestStatusOut | None:
    """ Greenhouse: a sent test's status (complete once the candidate finished)

     Greenhouse sends the API key (scope `greenhouse:partner`) as the HTTP Basic user name with an empty
    password.

    Requires the scope `greenhouse:partner`.

    Args:
        partner_interview_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TestStatusOut
     """


    return sync_detailed(
        client=client,
partner_interview_id=partner_interview_id,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    partner_interview_id: str,

) -> Response[Problem | TestStatusOut]:
    """ Greenhouse: a sent test's status (complete once the candidate finished)

     Greenhouse sends the API key (scope `greenhouse:partner`) as the HTTP Basic user name with an empty
    password.

    Requires the scope `greenhouse:partner`.

    Args:
        partner_interview_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TestStatusOut]
     """


    kwargs = _get_kwargs(
        partner_interview_id=partner_interview_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    partner_interview_id: str,

) -> Problem | TestStatusOut | None:
    """ Greenhouse: a sent test's status (complete once the candidate finished)

     Greenhouse sends the API key (scope `greenhouse:partner`) as the HTTP Basic user name with an empty
    password.

    Requires the scope `greenhouse:partner`.

    Args:
        partner_interview_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TestStatusOut
     """


    return (await asyncio_detailed(
        client=client,
partner_interview_id=partner_interview_id,

    )).parsed
