-- Security (issue 10): the client address of each audit row; the last use of a session (idle timeout); the
-- expiry, last use and issuer of API tokens. Rows from before keep NULL and the code reads them with defaults.
ALTER TABLE app.auditoria ADD COLUMN direccion VARCHAR;
ALTER TABLE app.sesiones ADD COLUMN ultimo_uso TIMESTAMPTZ;
ALTER TABLE app.tokens ADD COLUMN expira_en TIMESTAMPTZ;
ALTER TABLE app.tokens ADD COLUMN ultimo_uso TIMESTAMPTZ;
ALTER TABLE app.tokens ADD COLUMN creado_por VARCHAR;
