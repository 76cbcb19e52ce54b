from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.saml_provider_in import SamlProviderIn
from ...models.saml_provider_out import SamlProviderOut
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: SamlProviderIn,
    if_match: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match



    

    

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/sso/saml",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | SamlProviderOut | None:
    if response.status_code == 200:
        response_200 = SamlProviderOut.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())



        return response_412

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())



        return response_415

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | SamlProviderOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: SamlProviderIn,
    if_match: str | Unset = UNSET,

) -> Response[Problem | SamlProviderOut]:
    """ Configure the tenant's SAML identity provider (by its metadata)

     The answer's ETag is the configuration's revision: send it as If-Match on the next change.

    Args:
        if_match (str | Unset): The ETag you read: the update applies only if the resource is
            unchanged since (a 412 otherwise).
        body (SamlProviderIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SamlProviderOut]
     """


    kwargs = _get_kwargs(
        body=body,
if_match=if_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    body: SamlProviderIn,
    if_match: str | Unset = UNSET,

) -> Problem | SamlProviderOut | None:
    """ Configure the tenant's SAML identity provider (by its metadata)

     The answer's ETag is the configuration's revision: send it as If-Match on the next change.

    Args:
        if_match (str | Unset): The ETag you read: the update applies only if the resource is
            unchanged since (a 412 otherwise).
        body (SamlProviderIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SamlProviderOut
     """


    return sync_detailed(
        client=client,
body=body,
if_match=if_match,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: SamlProviderIn,
    if_match: str | Unset = UNSET,

) -> Response[Problem | SamlProviderOut]:
    """ Configure the tenant's SAML identity provider (by its metadata)

     The answer's ETag is the configuration's revision: send it as If-Match on the next change.

    Args:
        if_match (str | Unset): The ETag you read: the update applies only if the resource is
            unchanged since (a 412 otherwise).
        body (SamlProviderIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SamlProviderOut]
     """


    kwargs = _get_kwargs(
        body=body,
if_match=if_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    body: SamlProviderIn,
    if_match: str | Unset = UNSET,

) -> Problem | SamlProviderOut | None:
    """ Configure the tenant's SAML identity provider (by its metadata)

     The answer's ETag is the configuration's revision: send it as If-Match on the next change.

    Args:
        if_match (str | Unset): The ETag you read: the update applies only if the resource is
            unchanged since (a 412 otherwise).
        body (SamlProviderIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SamlProviderOut
     """


    return (await asyncio_detailed(
        client=client,
body=body,
if_match=if_match,

    )).parsed
