"""Every public operation of the invite service, in one list: the service serves them and the
gateway builds its public routes from them."""

from services.chassis.api import gather
from services.invite import (
    candidates,
    greenhouse,
    invitations,
    languages,
    mail,
    positions,
    privacy,
    question_sets,
    retention,
)

APIS = (
    question_sets.api,
    positions.api,
    invitations.api,
    mail.api,
    languages.api,
    privacy.api,
    retention.api,
    candidates.api,
    greenhouse.api,
)
OPERATIONS = gather(*APIS)
