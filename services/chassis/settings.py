"""Settings read once from the environment; each service extends `Settings` with its own fields."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """What every service reads. Environment variable names are the field names in upper case."""

    model_config = SettingsConfigDict(extra="ignore", frozen=True)

    service_name: str = "service"
    service_host: str = "127.0.0.1"
    service_port: int = 8000

    kafka_bootstrap_servers: str = "127.0.0.1:9092"
    mongodb_url: str = "mongodb://127.0.0.1:27017/?directConnection=true"
    # Each service owns one database; the default is derived from the service name.
    mongodb_database: str = ""

    s3_endpoint: str = "127.0.0.1:9000"
    s3_access_key: str = ""
    s3_secret_key: str = ""
    s3_secure: bool = False
    s3_region: str = "us-east-1"
    s3_bucket: str = "media"
    # Where browsers reach the object store (e.g. https://media.example.com), for presigned URLs;
    # empty means S3_ENDPOINT is reachable by browsers too (local runs).
    s3_public_endpoint: str = ""

    # Outgoing mail (invitations, reminders, calendar invitations).
    smtp_host: str = "127.0.0.1"
    smtp_port: int = 25
    smtp_username: str = ""
    smtp_password: str = ""
    smtp_starttls: bool = False
    mail_from: str = "Hireloop <no-reply@hireloop.local>"
    # The durable mail outbox: how often it delivers, and how long a claimed message waits
    # before another attempt (after a failure, or a sender that crashed holding it).
    mail_poll_seconds: float = 1.0
    mail_retry_seconds: float = 60.0
    # Where people reach the gateway; links in e-mails start with it.
    public_url: str = "http://127.0.0.1:8080"

    # Shared by the gateway (which signs identities) and the services (which verify them).
    internal_secret: str = Field(min_length=16)

    log_level: str = "INFO"
    otel_exporter_otlp_endpoint: str = ""

    consumer_max_attempts: int = 4
    # Kafka's own defaults; a new group member's join waits about half the session timeout.
    consumer_session_timeout_ms: int = 10_000
    consumer_heartbeat_interval_ms: int = 3_000
    consumer_retry_backoff_seconds: float = 0.5
    consumer_retry_backoff_max_seconds: float = 30.0
    # A consumer takes up to this many records per batch (one transaction), waiting at most the
    # timeout for the first when its partitions are idle.
    consumer_batch_max_records: int = 500
    consumer_batch_timeout_ms: int = 100
    outbox_poll_seconds: float = 0.2
    outbox_lease_seconds: float = 10.0
    max_request_bytes: int = 1_048_576

    @property
    def database_name(self) -> str:
        return self.mongodb_database or f"hireloop_{self.service_name}"
