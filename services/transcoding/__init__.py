"""Transcoding service: transcode jobs with leases, HLS renditions, posters and audio checks."""
