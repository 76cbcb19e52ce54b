"""The platform's services, one package each, and the chassis they share."""
