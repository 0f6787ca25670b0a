-- Gateway schema v2: terminal certificates that are no longer accepted although still within
-- their validity (the previous certificate of a terminal that renewed; docs/gateway.md).
-- Rows past not_after are of no further use: an expired certificate is refused anyway.

CREATE TABLE gateway_revoked_certificates (
    thumbprint       TEXT NOT NULL PRIMARY KEY, -- SHA-256 of the DER certificate, upper-case hex
    terminal_id      BIGINT NOT NULL,
    serial_number    TEXT NOT NULL,             -- hex, as X509Certificate2.SerialNumber
    not_after        {{ts}} NOT NULL,
    revoked_at       {{ts}} NOT NULL,
    reason           TEXT NOT NULL              -- 'renewed'
);
CREATE INDEX ix_gateway_revoked_certificates_terminal ON gateway_revoked_certificates (terminal_id);
