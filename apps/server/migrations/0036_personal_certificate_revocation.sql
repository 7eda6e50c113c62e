-- Personal certificates in the revocation sweep (decision 0026, as amended): a bound personal
-- certificate its CA has revoked (by CRL or OCSP) is marked when the sweep finds it, and no evaluation
-- sign-in or report signature takes it from then on. It stays bound until its holder unbinds it.
ALTER TABLE identity.personal_certificate ADD COLUMN revoked_at timestamptz;
ALTER TABLE identity.personal_certificate ADD COLUMN revocation_reason text;
