"""Every public operation of the scheduling service, in one list: the service serves them and the
gateway builds its public routes from them."""

from services.chassis.api import gather
from services.scheduling import (
    bookings,
    conferencing,
    feedback,
    interview_types,
    interviewers,
    requests,
)

APIS = (
    interviewers.api,
    interview_types.api,
    conferencing.api,
    requests.api,
    bookings.api,
    feedback.api,
    requests.candidate_api,
    bookings.candidate_api,
)
OPERATIONS = gather(*APIS)
