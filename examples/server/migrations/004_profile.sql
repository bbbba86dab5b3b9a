-- Issue 10: the customer's own details.
-- A new email address waits here until the link sent to it is opened; `email` stays in force till then.
-- The tax registry's last word on the VAT number on file ('unavailable': it could not be asked; never a
-- verdict on the number).
ALTER TABLE customers
  ADD COLUMN pending_email TEXT,
  ADD COLUMN vat_status TEXT CHECK (vat_status IN ('verified', 'not_registered', 'unavailable')),
  ADD COLUMN vat_checked_at TIMESTAMPTZ;

-- Email-change links: single use, expiring, only the hash is stored (like auth_tokens, in a table of
-- their own because they carry the new address and prove nothing about signing in).
CREATE TABLE email_change_tokens (
  token_hash TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers (id),
  new_email TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL,
  consumed_at TIMESTAMPTZ
);
CREATE INDEX email_change_tokens_customer ON email_change_tokens (customer_id);
