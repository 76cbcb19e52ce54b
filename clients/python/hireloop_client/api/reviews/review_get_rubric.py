from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.rubric_out import RubricOut
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    set_id: str,
    *,
    version: int | None | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_version: int | None | Unset
    if isinstance(version, Unset):
        json_version = UNSET
    else:
        json_version = version
    params["version"] = json_version


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/question-sets/{set_id}/rubric".format(set_id=quote(str(set_id), safe=""),),
        "params": params,
    }


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
    version: int | None | Unset = UNSET,

) -> Response[Problem | RubricOut]:
    """ Read the rubric (a version with ?version=)

     Requires the scope `reviews:read`.

    Args:
        set_id (str):
        version (int | None | Unset): Default: the latest.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RubricOut]
     """


    kwargs = _get_kwargs(
        set_id=set_id,
version=version,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    set_id: str,
    *,
    client: AuthenticatedClient,
    version: int | None | Unset = UNSET,

) -> Problem | RubricOut | None:
    """ Read the rubric (a version with ?version=)

     Requires the scope `reviews:read`.

    Args:
        set_id (str):
        version (int | None | Unset): Default: the latest.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RubricOut
     """


    return sync_detailed(
        set_id=set_id,
client=client,
version=version,

    ).parsed

async def asyncio_detailed(
    set_id: str,
    *,
    client: AuthenticatedClient,
    version: int | None | Unset = UNSET,

) -> Response[Problem | RubricOut]:
    """ Read the rubric (a version with ?version=)

     Requires the scope `reviews:read`.

    Args:
        set_id (str):
        version (int | None | Unset): Default: the latest.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RubricOut]
     """


    kwargs = _get_kwargs(
        set_id=set_id,
version=version,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    set_id: str,
    *,
    client: AuthenticatedClient,
    version: int | None | Unset = UNSET,

) -> Problem | RubricOut | None:
    """ Read the rubric (a version with ?version=)

     Requires the scope `reviews:read`.

    Args:
        set_id (str):
        version (int | None | Unset): Default: the latest.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RubricOut
     """


    return (await asyncio_detailed(
        set_id=set_id,
client=client,
version=version,

    )).parsed
