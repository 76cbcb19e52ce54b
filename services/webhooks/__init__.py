"""The webhooks service: tenants' endpoints, and signed, ordered, retried deliveries to them."""
