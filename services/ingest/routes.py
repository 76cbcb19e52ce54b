"""Every public operation of the ingest service, in one list: the service serves them and the
gateway builds its public routes from them."""

from services.chassis.api import gather
from services.ingest import attempts

APIS = (attempts.api,)
OPERATIONS = gather(*APIS)
