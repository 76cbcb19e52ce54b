"""The shared mechanics of every service: settings, bus, outbox, storage, telemetry, health. No domain logic."""
