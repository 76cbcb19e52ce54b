"""Gateway: the one public entry; authentication, tenants, the public API and web pages."""
