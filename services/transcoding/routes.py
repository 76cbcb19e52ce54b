"""Every public operation of the transcoding service, in one list: the service serves them and
the gateway builds its public routes from them."""

from services.chassis.api import gather
from services.transcoding import playback

APIS = (playback.api,)
OPERATIONS = gather(*APIS)
