"""The transcription service: answer transcripts with word timing, captions and search."""
