"""Every public operation of the webhooks service, in one list: the service serves them and the
gateway builds its public routes from them."""

from services.chassis.api import gather
from services.webhooks import deliveries, endpoints

APIS = (endpoints.api, deliveries.api)
OPERATIONS = gather(*APIS)
