"""The live service: a WebRTC room on Janus per booked interview, and who may enter it."""
