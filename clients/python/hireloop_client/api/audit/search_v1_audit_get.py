from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.audit_page import AuditPage
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    principal: None | str | Unset = UNSET,
    subject: None | str | Unset = UNSET,
    action: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    json_principal: None | str | Unset
    if isinstance(principal, Unset):
        json_principal = UNSET
    else:
        json_principal = principal
    params["principal"] = json_principal

    json_subject: None | str | Unset
    if isinstance(subject, Unset):
        json_subject = UNSET
    else:
        json_subject = subject
    params["subject"] = json_subject

    json_action: None | str | Unset
    if isinstance(action, Unset):
        json_action = UNSET
    else:
        json_action = action
    params["action"] = json_action

    json_since: None | str | Unset
    if isinstance(since, Unset):
        json_since = UNSET
    elif isinstance(since, datetime.datetime):
        json_since = since.isoformat()
    else:
        json_since = since
    params["since"] = json_since

    json_until: None | str | Unset
    if isinstance(until, Unset):
        json_until = UNSET
    elif isinstance(until, datetime.datetime):
        json_until = until.isoformat()
    else:
        json_until = until
    params["until"] = json_until


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/audit",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AuditPage | Problem | None:
    if response.status_code == 200:
        response_200 = AuditPage.from_dict(response.json())



        return response_200

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AuditPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    principal: None | str | Unset = UNSET,
    subject: None | str | Unset = UNSET,
    action: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,

) -> Response[AuditPage | Problem]:
    """ Search the tenant's audit log (newest first)

    Args:
        limit (int | Unset): The most items to answer (a page may hold fewer). Default: 50.
        cursor (None | str | Unset): The `next_cursor` of the previous page; omit for the first
            page.
        principal (None | str | Unset):
        subject (None | str | Unset): An id the operation named.
        action (None | str | Unset):
        since (datetime.datetime | None | Unset): Entries at or after.
        until (datetime.datetime | None | Unset): Entries before.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditPage | Problem]
     """


    kwargs = _get_kwargs(
        limit=limit,
cursor=cursor,
principal=principal,
subject=subject,
action=action,
since=since,
until=until,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    principal: None | str | Unset = UNSET,
    subject: None | str | Unset = UNSET,
    action: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,

) -> AuditPage | Problem | None:
    """ Search the tenant's audit log (newest first)

    Args:
        limit (int | Unset): The most items to answer (a page may hold fewer). Default: 50.
        cursor (None | str | Unset): The `next_cursor` of the previous page; omit for the first
            page.
        principal (None | str | Unset):
        subject (None | str | Unset): An id the operation named.
        action (None | str | Unset):
        since (datetime.datetime | None | Unset): Entries at or after.
        until (datetime.datetime | None | Unset): Entries before.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditPage | Problem
     """


    return sync_detailed(
        client=client,
limit=limit,
cursor=cursor,
principal=principal,
subject=subject,
action=action,
since=since,
until=until,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    principal: None | str | Unset = UNSET,
    subject: None | str | Unset = UNSET,
    action: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,

) -> Response[AuditPage | Problem]:
    """ Search the tenant's audit log (newest first)

    Args:
        limit (int | Unset): The most items to answer (a page may hold fewer). Default: 50.
        cursor (None | str | Unset): The `next_cursor` of the previous page; omit for the first
            page.
        principal (None | str | Unset):
        subject (None | str | Unset): An id the operation named.
        action (None | str | Unset):
        since (datetime.datetime | None | Unset): Entries at or after.
        until (datetime.datetime | None | Unset): Entries before.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditPage | Problem]
     """


    kwargs = _get_kwargs(
        limit=limit,
cursor=cursor,
principal=principal,
subject=subject,
action=action,
since=since,
until=until,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    principal: None | str | Unset = UNSET,
    subject: None | str | Unset = UNSET,
    action: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,

) -> AuditPage | Problem | None:
    """ Search the tenant's audit log (newest first)

    Args:
        limit (int | Unset): The most items to answer (a page may hold fewer). Default: 50.
        cursor (None | str | Unset): The `next_cursor` of the previous page; omit for the first
            page.
        principal (None | str | Unset):
        subject (None | str | Unset): An id the operation named.
        action (None | str | Unset):
        since (datetime.datetime | None | Unset): Entries at or after.
        until (datetime.datetime | None | Unset): Entries before.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditPage | Problem
     """


    return (await asyncio_detailed(
        client=client,
limit=limit,
cursor=cursor,
principal=principal,
subject=subject,
action=action,
since=since,
until=until,

    )).parsed
