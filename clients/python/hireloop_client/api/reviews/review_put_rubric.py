from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.rubric_in import RubricIn
from ...models.rubric_out import RubricOut
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    set_id: str,
    *,
    body: RubricIn,
    if_match: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match



    

    

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/question-sets/{set_id}/rubric".format(set_id=quote(str(set_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | RubricOut | None:
    if response.status_code == 200:
        response_200 = RubricOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | RubricOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    set_id: str,
    *,
    client: AuthenticatedClient,
    body: RubricIn,
    if_match: str | Unset = UNSET,

) -> Response[Problem | RubricOut]:
    """ Set the question set's rubric (creates a new version)

     Create the question set's rubric, or its next version. The ETag is the version (`"0"`
    before the first): with If-Match, two leads editing one version make one next version and
    a 412.

    Requires the scope `positions:write`.

    Args:
        set_id (str):
        if_match (str | Unset): The ETag you read: the update applies only if the resource is
            unchanged since (a 412 otherwise).
        body (RubricIn): A question set's rubric: the shared rubric model (`contracts.rubric`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RubricOut]
     """


    kwargs = _get_kwargs(
        set_id=set_id,
body=body,
if_match=if_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    set_id: str,
    *,
    client: AuthenticatedClient,
    body: RubricIn,
    if_match: str | Unset = UNSET,

) -> Problem | RubricOut | None:
    """ Set the question set's rubric (creates a new version)

     Create the question set's rubric, or its next version. The ETag is the version (`"0"`
    before the first): with If-Match, two leads editing one version make one next version and
    a 412.

    Requires the scope `positions:write`.

    Args:
        set_id (str):
        if_match (str | Unset): The ETag you read: the update applies only if the resource is
            unchanged since (a 412 otherwise).
        body (RubricIn): A question set's rubric: the shared rubric model (`contracts.rubric`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RubricOut
     """


    return sync_detailed(
        set_id=set_id,
client=client,
body=body,
if_match=if_match,

    ).parsed

async def asyncio_detailed(
    set_id: str,
    *,
    client: AuthenticatedClient,
    body: RubricIn,
    if_match: str | Unset = UNSET,

) -> Response[Problem | RubricOut]:
    """ Set the question set's rubric (creates a new version)

     Create the question set's rubric, or its next version. The ETag is the version (`"0"`
    before the first): with If-Match, two leads editing one version make one next version and
    a 412.

    Requires the scope `positions:write`.

    Args:
        set_id (str):
        if_match (str | Unset): The ETag you read: the update applies only if the resource is
            unchanged since (a 412 otherwise).
        body (RubricIn): A question set's rubric: the shared rubric model (`contracts.rubric`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RubricOut]
     """


    kwargs = _get_kwargs(
        set_id=set_id,
body=body,
if_match=if_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    set_id: str,
    *,
    client: AuthenticatedClient,
    body: RubricIn,
    if_match: str | Unset = UNSET,

) -> Problem | RubricOut | None:
    """ Set the question set's rubric (creates a new version)

     Create the question set's rubric, or its next version. The ETag is the version (`"0"`
    before the first): with If-Match, two leads editing one version make one next version and
    a 412.

    Requires the scope `positions:write`.

    Args:
        set_id (str):
        if_match (str | Unset): The ETag you read: the update applies only if the resource is
            unchanged since (a 412 otherwise).
        body (RubricIn): A question set's rubric: the shared rubric model (`contracts.rubric`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RubricOut
     """


    return (await asyncio_detailed(
        set_id=set_id,
client=client,
body=body,
if_match=if_match,

    )).parsed
