-- Integrators register their operations with their token; the server reads them to accept only those.
GRANT SELECT, INSERT ON persisted_operations TO continuum_app;
