-- Authentication limits (decision 0013).

-- Failed attempts and the waits they earned, by a key that is a hash: password attempts by typed
-- username and client address (nobody locks another user out from elsewhere, and an unknown
-- username is counted like a known one), TOTP codes by account.
CREATE TABLE identity.login_throttle (
  key text PRIMARY KEY,
  failures integer NOT NULL DEFAULT 0,
  window_started_at timestamptz NOT NULL,
  locked_until timestamptz,
  -- Waits served so far: each next one is twice as long.
  locks integer NOT NULL DEFAULT 0,
  last_failure_at timestamptz NOT NULL
);
CREATE INDEX login_throttle_last_failure_idx ON identity.login_throttle (last_failure_at);

-- One live session per account (F-12) counts completed logins: a password step waiting for its
-- code is a second, pending row and ends nobody's session; at most one is pending per account.
DROP INDEX identity.session_one_live_per_user;
CREATE UNIQUE INDEX session_one_active_per_user ON identity.session (user_id) WHERE revoked_at IS NULL AND stage = 'active';
CREATE UNIQUE INDEX session_one_pending_per_user ON identity.session (user_id) WHERE revoked_at IS NULL AND stage <> 'active';

-- Challenges are counted per client address when issued.
CREATE INDEX certificate_challenge_ip_idx ON identity.certificate_challenge (ip, expires_at);
