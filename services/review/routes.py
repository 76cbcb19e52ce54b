"""Every public operation of the review service, in one list: the service serves them and the
gateway builds its public routes from them."""

from services.chassis.api import gather
from services.review import (
    assignments,
    decisions,
    panels,
    ratings,
    reports,
    review_time,
    rubrics,
    shares,
    submissions,
)

APIS = (
    rubrics.api,
    panels.api,
    submissions.api,
    assignments.api,
    ratings.api,
    decisions.api,
    reports.api,
    shares.api,
    review_time.api,
)
OPERATIONS = gather(*APIS)
