from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.share_created import ShareCreated
from ...models.share_in import ShareIn
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    invitation_id: str,
    *,
    body: ShareIn,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/submissions/{invitation_id}/shares".format(invitation_id=quote(str(invitation_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ShareCreated | None:
    if response.status_code == 201:
        response_201 = ShareCreated.from_dict(response.json())



        return response_201

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | ShareCreated]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    invitation_id: str,
    *,
    client: AuthenticatedClient,
    body: ShareIn,
    idempotency_key: str | Unset = UNSET,

) -> Response[Problem | ShareCreated]:
    """ Make a read-only, expiring link to a candidate's answers for someone without an account

     The holder of the link sees the candidate's answers (video with captions, transcripts, written
    answers) and nothing of the review: no scores, no other candidate. Blind review applies as on the
    reviewers' pages. The token is shown once; every use of the link is in the audit log under
    `share:<id>`.

    Requires the scope `decisions:write`.

    Args:
        invitation_id (str):
        idempotency_key (str | Unset): Makes the request safe to retry: the same key and request
            replay the stored answer for 24 hours; another request with the same key is a 422.
        body (ShareIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ShareCreated]
     """


    kwargs = _get_kwargs(
        invitation_id=invitation_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    invitation_id: str,
    *,
    client: AuthenticatedClient,
    body: ShareIn,
    idempotency_key: str | Unset = UNSET,

) -> Problem | ShareCreated | None:
    """ Make a read-only, expiring link to a candidate's answers for someone without an account

     The holder of the link sees the candidate's answers (video with captions, transcripts, written
    answers) and nothing of the review: no scores, no other candidate. Blind review applies as on the
    reviewers' pages. The token is shown once; every use of the link is in the audit log under
    `share:<id>`.

    Requires the scope `decisions:write`.

    Args:
        invitation_id (str):
        idempotency_key (str | Unset): Makes the request safe to retry: the same key and request
            replay the stored answer for 24 hours; another request with the same key is a 422.
        body (ShareIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ShareCreated
     """


    return sync_detailed(
        invitation_id=invitation_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    invitation_id: str,
    *,
    client: AuthenticatedClient,
    body: ShareIn,
    idempotency_key: str | Unset = UNSET,

) -> Response[Problem | ShareCreated]:
    """ Make a read-only, expiring link to a candidate's answers for someone without an account

     The holder of the link sees the candidate's answers (video with captions, transcripts, written
    answers) and nothing of the review: no scores, no other candidate. Blind review applies as on the
    reviewers' pages. The token is shown once; every use of the link is in the audit log under
    `share:<id>`.

    Requires the scope `decisions:write`.

    Args:
        invitation_id (str):
        idempotency_key (str | Unset): Makes the request safe to retry: the same key and request
            replay the stored answer for 24 hours; another request with the same key is a 422.
        body (ShareIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ShareCreated]
     """


    kwargs = _get_kwargs(
        invitation_id=invitation_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    invitation_id: str,
    *,
    client: AuthenticatedClient,
    body: ShareIn,
    idempotency_key: str | Unset = UNSET,

) -> Problem | ShareCreated | None:
    """ Make a read-only, expiring link to a candidate's answers for someone without an account

     The holder of the link sees the candidate's answers (video with captions, transcripts, written
    answers) and nothing of the review: no scores, no other candidate. Blind review applies as on the
    reviewers' pages. The token is shown once; every use of the link is in the audit log under
    `share:<id>`.

    Requires the scope `decisions:write`.

    Args:
        invitation_id (str):
        idempotency_key (str | Unset): Makes the request safe to retry: the same key and request
            replay the stored answer for 24 hours; another request with the same key is a 422.
        body (ShareIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ShareCreated
     """


    return (await asyncio_detailed(
        invitation_id=invitation_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
