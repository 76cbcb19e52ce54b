from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.review_list_submissions_decision_type_0 import ReviewListSubmissionsDecisionType0
from ...models.review_list_submissions_sort import ReviewListSubmissionsSort
from ...models.review_list_submissions_status_type_0 import ReviewListSubmissionsStatusType0
from ...models.submission_page import SubmissionPage
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    position_id: str,
    *,
    status: None | ReviewListSubmissionsStatusType0 | Unset = UNSET,
    decision: None | ReviewListSubmissionsDecisionType0 | Unset = UNSET,
    reviewer: None | str | Unset = UNSET,
    min_score: float | None | Unset = UNSET,
    max_score: float | None | Unset = UNSET,
    sort: ReviewListSubmissionsSort | Unset = ReviewListSubmissionsSort.SCORE,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, ReviewListSubmissionsStatusType0):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_decision: None | str | Unset
    if isinstance(decision, Unset):
        json_decision = UNSET
    elif isinstance(decision, ReviewListSubmissionsDecisionType0):
        json_decision = decision.value
    else:
        json_decision = decision
    params["decision"] = json_decision

    json_reviewer: None | str | Unset
    if isinstance(reviewer, Unset):
        json_reviewer = UNSET
    else:
        json_reviewer = reviewer
    params["reviewer"] = json_reviewer

    json_min_score: float | None | Unset
    if isinstance(min_score, Unset):
        json_min_score = UNSET
    else:
        json_min_score = min_score
    params["min_score"] = json_min_score

    json_max_score: float | None | Unset
    if isinstance(max_score, Unset):
        json_max_score = UNSET
    else:
        json_max_score = max_score
    params["max_score"] = json_max_score

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/positions/{position_id}/submissions".format(position_id=quote(str(position_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | SubmissionPage | None:
    if response.status_code == 200:
        response_200 = SubmissionPage.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | SubmissionPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    position_id: str,
    *,
    client: AuthenticatedClient,
    status: None | ReviewListSubmissionsStatusType0 | Unset = UNSET,
    decision: None | ReviewListSubmissionsDecisionType0 | Unset = UNSET,
    reviewer: None | str | Unset = UNSET,
    min_score: float | None | Unset = UNSET,
    max_score: float | None | Unset = UNSET,
    sort: ReviewListSubmissionsSort | Unset = ReviewListSubmissionsSort.SCORE,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[Problem | SubmissionPage]:
    """ A position's candidates ranked by score (or most recent), filtered, paginated

     A position's candidates, best mean first (or most recently ready first), filtered; cursor
    pagination. A panel reviewer sees scores only of candidates they reviewed and cannot filter or
    sort by score.

    Requires the scope `reviews:read`.

    Args:
        position_id (str):
        status (None | ReviewListSubmissionsStatusType0 | Unset):
        decision (None | ReviewListSubmissionsDecisionType0 | Unset):
        reviewer (None | str | Unset): Reviewed by this principal.
        min_score (float | None | Unset):
        max_score (float | None | Unset):
        sort (ReviewListSubmissionsSort | Unset):  Default: ReviewListSubmissionsSort.SCORE.
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset): `next_cursor` of the last page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SubmissionPage]
     """


    kwargs = _get_kwargs(
        position_id=position_id,
status=status,
decision=decision,
reviewer=reviewer,
min_score=min_score,
max_score=max_score,
sort=sort,
limit=limit,
cursor=cursor,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    position_id: str,
    *,
    client: AuthenticatedClient,
    status: None | ReviewListSubmissionsStatusType0 | Unset = UNSET,
    decision: None | ReviewListSubmissionsDecisionType0 | Unset = UNSET,
    reviewer: None | str | Unset = UNSET,
    min_score: float | None | Unset = UNSET,
    max_score: float | None | Unset = UNSET,
    sort: ReviewListSubmissionsSort | Unset = ReviewListSubmissionsSort.SCORE,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Problem | SubmissionPage | None:
    """ A position's candidates ranked by score (or most recent), filtered, paginated

     A position's candidates, best mean first (or most recently ready first), filtered; cursor
    pagination. A panel reviewer sees scores only of candidates they reviewed and cannot filter or
    sort by score.

    Requires the scope `reviews:read`.

    Args:
        position_id (str):
        status (None | ReviewListSubmissionsStatusType0 | Unset):
        decision (None | ReviewListSubmissionsDecisionType0 | Unset):
        reviewer (None | str | Unset): Reviewed by this principal.
        min_score (float | None | Unset):
        max_score (float | None | Unset):
        sort (ReviewListSubmissionsSort | Unset):  Default: ReviewListSubmissionsSort.SCORE.
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset): `next_cursor` of the last page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SubmissionPage
     """


    return sync_detailed(
        position_id=position_id,
client=client,
status=status,
decision=decision,
reviewer=reviewer,
min_score=min_score,
max_score=max_score,
sort=sort,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    position_id: str,
    *,
    client: AuthenticatedClient,
    status: None | ReviewListSubmissionsStatusType0 | Unset = UNSET,
    decision: None | ReviewListSubmissionsDecisionType0 | Unset = UNSET,
    reviewer: None | str | Unset = UNSET,
    min_score: float | None | Unset = UNSET,
    max_score: float | None | Unset = UNSET,
    sort: ReviewListSubmissionsSort | Unset = ReviewListSubmissionsSort.SCORE,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[Problem | SubmissionPage]:
    """ A position's candidates ranked by score (or most recent), filtered, paginated

     A position's candidates, best mean first (or most recently ready first), filtered; cursor
    pagination. A panel reviewer sees scores only of candidates they reviewed and cannot filter or
    sort by score.

    Requires the scope `reviews:read`.

    Args:
        position_id (str):
        status (None | ReviewListSubmissionsStatusType0 | Unset):
        decision (None | ReviewListSubmissionsDecisionType0 | Unset):
        reviewer (None | str | Unset): Reviewed by this principal.
        min_score (float | None | Unset):
        max_score (float | None | Unset):
        sort (ReviewListSubmissionsSort | Unset):  Default: ReviewListSubmissionsSort.SCORE.
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset): `next_cursor` of the last page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SubmissionPage]
     """


    kwargs = _get_kwargs(
        position_id=position_id,
status=status,
decision=decision,
reviewer=reviewer,
min_score=min_score,
max_score=max_score,
sort=sort,
limit=limit,
cursor=cursor,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    position_id: str,
    *,
    client: AuthenticatedClient,
    status: None | ReviewListSubmissionsStatusType0 | Unset = UNSET,
    decision: None | ReviewListSubmissionsDecisionType0 | Unset = UNSET,
    reviewer: None | str | Unset = UNSET,
    min_score: float | None | Unset = UNSET,
    max_score: float | None | Unset = UNSET,
    sort: ReviewListSubmissionsSort | Unset = ReviewListSubmissionsSort.SCORE,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Problem | SubmissionPage | None:
    """ A position's candidates ranked by score (or most recent), filtered, paginated

     A position's candidates, best mean first (or most recently ready first), filtered; cursor
    pagination. A panel reviewer sees scores only of candidates they reviewed and cannot filter or
    sort by score.

    Requires the scope `reviews:read`.

    Args:
        position_id (str):
        status (None | ReviewListSubmissionsStatusType0 | Unset):
        decision (None | ReviewListSubmissionsDecisionType0 | Unset):
        reviewer (None | str | Unset): Reviewed by this principal.
        min_score (float | None | Unset):
        max_score (float | None | Unset):
        sort (ReviewListSubmissionsSort | Unset):  Default: ReviewListSubmissionsSort.SCORE.
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset): `next_cursor` of the last page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SubmissionPage
     """


    return (await asyncio_detailed(
        position_id=position_id,
client=client,
status=status,
decision=decision,
reviewer=reviewer,
min_score=min_score,
max_score=max_score,
sort=sort,
limit=limit,
cursor=cursor,

    )).parsed
