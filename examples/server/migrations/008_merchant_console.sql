-- Issue 11: the merchant console. Staff accounts sign in with email and password (scrypt, like customers)
-- to a cookie session scoped to /merchant; their failed attempts share sign_in_failures and
-- trusted_devices with customers under the key 'staff:<email>' (auth/throttle.ts), which no customer
-- address can be.
CREATE TABLE staff (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL,
  name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  locked BOOLEAN NOT NULL DEFAULT FALSE,
  seq BIGSERIAL NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX staff_email_key ON staff (lower(email));

-- Server-side console sessions (revocable); only the SHA-256 of the cookie's value is stored.
CREATE TABLE staff_sessions (
  token_hash TEXT PRIMARY KEY,
  staff_id TEXT NOT NULL REFERENCES staff (id),
  created_at TIMESTAMPTZ NOT NULL,
  last_seen_at TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL,
  absolute_expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX staff_sessions_staff ON staff_sessions (staff_id);

-- A merchant's read-only preview of the portal as one customer: a short-lived bearer session whose every
-- mutation is refused, never logged as the customer's sign-in.
ALTER TABLE sessions ADD COLUMN preview BOOLEAN NOT NULL DEFAULT FALSE;

-- Uploaded logos, re-encoded, addressed by the SHA-256 of the stored bytes (served at
-- /branding/logo/<sha256>.<ext>). Old ones stay so that a page still showing one keeps working.
CREATE TABLE logos (
  sha256 TEXT PRIMARY KEY,
  content_type TEXT NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg')),
  -- The re-encoded file, base64 (TEXT reads the same through both database drivers).
  data_base64 TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);
