-- Issue 13: the expiry of the TLS certificate an HTTPS check saw last (NULL for tcp/http services, or not seen yet);
-- the rule `certificado_por_vencer` and the Disponibilidad page read it.
ALTER TABLE core.servicios ADD COLUMN certificado_vence TIMESTAMPTZ;
