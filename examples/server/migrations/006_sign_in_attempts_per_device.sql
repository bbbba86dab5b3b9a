-- Issue 13: the sign-in lockout is claimed before the password is checked, and counted per address for
-- browsers that never signed in to it and per device for browsers that did (OWASP's device cookies), so
-- a stranger's guesses cannot lock the owner's own browser out.
--
-- A row of sign_in_failures now counts attempts claimed in the window (in flight or failed); a success
-- deletes it. `device` is '' for the untrusted-clients counter of an address, else the SHA-256 of the
-- device cookie trusted for that address.
ALTER TABLE sign_in_failures ADD COLUMN device TEXT NOT NULL DEFAULT '';
ALTER TABLE sign_in_failures DROP CONSTRAINT sign_in_failures_pkey;
ALTER TABLE sign_in_failures ADD PRIMARY KEY (email, device);

-- Browsers that signed in to an address before: the SHA-256 of their device cookie, per address
-- (lower case). The cookie's value is rotated at each sign-in; rows expire after 90 days without one.
CREATE TABLE trusted_devices (
  token_hash TEXT NOT NULL,
  email TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (token_hash, email)
);
CREATE INDEX trusted_devices_expiry ON trusted_devices (expires_at);
