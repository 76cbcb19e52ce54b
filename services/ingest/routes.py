"""Every public operation of the ingest service, in one list: the service serves them and the
gateway builds its public routes from them."""

from services.chassis.api import gather
from services.ingest import answers, attempts, connection, reveals

APIS = (reveals.api, attempts.api, answers.api, connection.api)
OPERATIONS = gather(*APIS)
