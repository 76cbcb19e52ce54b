"""Every public operation of the transcription service, in one list: the service serves them and
the gateway builds its public routes from them."""

from services.chassis.api import gather
from services.transcription import candidate_transcripts, transcripts

APIS = (transcripts.api, candidate_transcripts.api, candidate_transcripts.candidate_api)
OPERATIONS = gather(*APIS)
