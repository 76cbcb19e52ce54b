from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.self_report_in import SelfReportIn
from ...models.self_report_out import SelfReportOut
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    invitation_id: str,
    *,
    body: SelfReportIn,
    if_match: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match



    

    

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/submissions/{invitation_id}/self-report".format(invitation_id=quote(str(invitation_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | SelfReportOut | None:
    if response.status_code == 200:
        response_200 = SelfReportOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | SelfReportOut]:
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
    body: SelfReportIn,
    if_match: str | Unset = UNSET,

) -> Response[Problem | SelfReportOut]:
    """ Record categories a candidate reported through another channel

     Record what a candidate reported through another channel (e.g. an ATS form). Staff never
    read a candidate's report (only the aggregate report), so the ETag comes from this answer:
    send it as If-Match on a correction.

    Requires the scope `decisions:write`.

    Args:
        invitation_id (str):
        if_match (str | Unset): The ETag you read: the update applies only if the resource is
            unchanged since (a 412 otherwise).
        body (SelfReportIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SelfReportOut]
     """


    kwargs = _get_kwargs(
        invitation_id=invitation_id,
body=body,
if_match=if_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    invitation_id: str,
    *,
    client: AuthenticatedClient,
    body: SelfReportIn,
    if_match: str | Unset = UNSET,

) -> Problem | SelfReportOut | None:
    """ Record categories a candidate reported through another channel

     Record what a candidate reported through another channel (e.g. an ATS form). Staff never
    read a candidate's report (only the aggregate report), so the ETag comes from this answer:
    send it as If-Match on a correction.

    Requires the scope `decisions:write`.

    Args:
        invitation_id (str):
        if_match (str | Unset): The ETag you read: the update applies only if the resource is
            unchanged since (a 412 otherwise).
        body (SelfReportIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SelfReportOut
     """


    return sync_detailed(
        invitation_id=invitation_id,
client=client,
body=body,
if_match=if_match,

    ).parsed

async def asyncio_detailed(
    invitation_id: str,
    *,
    client: AuthenticatedClient,
    body: SelfReportIn,
    if_match: str | Unset = UNSET,

) -> Response[Problem | SelfReportOut]:
    """ Record categories a candidate reported through another channel

     Record what a candidate reported through another channel (e.g. an ATS form). Staff never
    read a candidate's report (only the aggregate report), so the ETag comes from this answer:
    send it as If-Match on a correction.

    Requires the scope `decisions:write`.

    Args:
        invitation_id (str):
        if_match (str | Unset): The ETag you read: the update applies only if the resource is
            unchanged since (a 412 otherwise).
        body (SelfReportIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SelfReportOut]
     """


    kwargs = _get_kwargs(
        invitation_id=invitation_id,
body=body,
if_match=if_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    invitation_id: str,
    *,
    client: AuthenticatedClient,
    body: SelfReportIn,
    if_match: str | Unset = UNSET,

) -> Problem | SelfReportOut | None:
    """ Record categories a candidate reported through another channel

     Record what a candidate reported through another channel (e.g. an ATS form). Staff never
    read a candidate's report (only the aggregate report), so the ETag comes from this answer:
    send it as If-Match on a correction.

    Requires the scope `decisions:write`.

    Args:
        invitation_id (str):
        if_match (str | Unset): The ETag you read: the update applies only if the resource is
            unchanged since (a 412 otherwise).
        body (SelfReportIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SelfReportOut
     """


    return (await asyncio_detailed(
        invitation_id=invitation_id,
client=client,
body=body,
if_match=if_match,

    )).parsed
