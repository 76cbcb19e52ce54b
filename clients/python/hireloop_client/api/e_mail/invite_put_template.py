from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.invite_put_template_kind import InvitePutTemplateKind
from ...models.problem import Problem
from ...models.template_in import TemplateIn
from ...models.template_out import TemplateOut
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    kind: InvitePutTemplateKind,
    *,
    body: TemplateIn,
    if_match: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match



    

    

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/email-templates/{kind}".format(kind=quote(str(kind), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | TemplateOut | None:
    if response.status_code == 200:
        response_200 = TemplateOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | TemplateOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    kind: InvitePutTemplateKind,
    *,
    client: AuthenticatedClient,
    body: TemplateIn,
    if_match: str | Unset = UNSET,

) -> Response[Problem | TemplateOut]:
    """ Customise one e-mail template ($candidate_name, $position_title, $link, $deadline)

     Requires the scope `invitations:write`.

    Args:
        kind (InvitePutTemplateKind):
        if_match (str | Unset): The ETag you read: the update applies only if the resource is
            unchanged since (a 412 otherwise).
        body (TemplateIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TemplateOut]
     """


    kwargs = _get_kwargs(
        kind=kind,
body=body,
if_match=if_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    kind: InvitePutTemplateKind,
    *,
    client: AuthenticatedClient,
    body: TemplateIn,
    if_match: str | Unset = UNSET,

) -> Problem | TemplateOut | None:
    """ Customise one e-mail template ($candidate_name, $position_title, $link, $deadline)

     Requires the scope `invitations:write`.

    Args:
        kind (InvitePutTemplateKind):
        if_match (str | Unset): The ETag you read: the update applies only if the resource is
            unchanged since (a 412 otherwise).
        body (TemplateIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TemplateOut
     """


    return sync_detailed(
        kind=kind,
client=client,
body=body,
if_match=if_match,

    ).parsed

async def asyncio_detailed(
    kind: InvitePutTemplateKind,
    *,
    client: AuthenticatedClient,
    body: TemplateIn,
    if_match: str | Unset = UNSET,

) -> Response[Problem | TemplateOut]:
    """ Customise one e-mail template ($candidate_name, $position_title, $link, $deadline)

     Requires the scope `invitations:write`.

    Args:
        kind (InvitePutTemplateKind):
        if_match (str | Unset): The ETag you read: the update applies only if the resource is
            unchanged since (a 412 otherwise).
        body (TemplateIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TemplateOut]
     """


    kwargs = _get_kwargs(
        kind=kind,
body=body,
if_match=if_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    kind: InvitePutTemplateKind,
    *,
    client: AuthenticatedClient,
    body: TemplateIn,
    if_match: str | Unset = UNSET,

) -> Problem | TemplateOut | None:
    """ Customise one e-mail template ($candidate_name, $position_title, $link, $deadline)

     Requires the scope `invitations:write`.

    Args:
        kind (InvitePutTemplateKind):
        if_match (str | Unset): The ETag you read: the update applies only if the resource is
            unchanged since (a 412 otherwise).
        body (TemplateIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TemplateOut
     """


    return (await asyncio_detailed(
        kind=kind,
client=client,
body=body,
if_match=if_match,

    )).parsed
