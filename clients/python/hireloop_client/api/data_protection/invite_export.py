from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.candidate_export import CandidateExport
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    email: str,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["email"] = email


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/candidates/export",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CandidateExport | Problem | None:
    if response.status_code == 200:
        response_200 = CandidateExport.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CandidateExport | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    email: str,

) -> Response[CandidateExport | Problem]:
    """ Everything stored about a candidate, by e-mail (data subject access)

     Requires the scope `candidates:read`.

    Args:
        email (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CandidateExport | Problem]
     """


    kwargs = _get_kwargs(
        email=email,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    email: str,

) -> CandidateExport | Problem | None:
    """ Everything stored about a candidate, by e-mail (data subject access)

     Requires the scope `candidates:read`.

    Args:
        email (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CandidateExport | Problem
     """


    return sync_detailed(
        client=client,
email=email,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    email: str,

) -> Response[CandidateExport | Problem]:
    """ Everything stored about a candidate, by e-mail (data subject access)

     Requires the scope `candidates:read`.

    Args:
        email (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CandidateExport | Problem]
     """


    kwargs = _get_kwargs(
        email=email,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    email: str,

) -> CandidateExport | Problem | None:
    """ Everything stored about a candidate, by e-mail (data subject access)

     Requires the scope `candidates:read`.

    Args:
        email (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CandidateExport | Problem
     """


    return (await asyncio_detailed(
        client=client,
email=email,

    )).parsed
