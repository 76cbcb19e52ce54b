"""Recording-ingest service: answer attempts, resumable uploads and media validation."""
