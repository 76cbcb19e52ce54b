"""Every public operation of the live service, in one list: the service serves them and the
gateway builds its public routes from them."""

from services.chassis.api import gather
from services.live import notes, rooms

APIS = (rooms.api, notes.api)
OPERATIONS = gather(*APIS)
