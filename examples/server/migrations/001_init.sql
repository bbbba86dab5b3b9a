-- The reference server's schema. Money is BIGINT minor units next to an ISO 4217 currency column;
-- invoice status and amounts are never stored: they are derived from lines and recorded payments.

CREATE TABLE settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  data JSONB NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);

CREATE SEQUENCE customer_number_seq;

CREATE TABLE customers (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  phone TEXT,
  company TEXT,
  currency CHAR(3) NOT NULL,
  billing_address JSONB,
  shipping_address JSONB,
  billing_contact JSONB,
  shipping_contact JSONB,
  po_number TEXT,
  vat_number TEXT,
  registration_number TEXT,
  default_payment_method_id TEXT,
  -- scrypt$N$r$p$salt$hash; NULL for passwordless-only accounts.
  password_hash TEXT,
  password_is_temporary BOOLEAN NOT NULL DEFAULT FALSE,
  -- Temporary passwords from an activation email stop working after this instant.
  password_expires_at TIMESTAMPTZ,
  locked BOOLEAN NOT NULL DEFAULT FALSE,
  auto_pay BOOLEAN NOT NULL DEFAULT FALSE,
  seq BIGSERIAL NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX customers_email_key ON customers (lower(email));

CREATE TABLE payment_methods (
  id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers (id),
  type TEXT NOT NULL CHECK (type IN ('card', 'bank_account')),
  brand TEXT,
  last4 CHAR(4) NOT NULL,
  exp_month INTEGER,
  exp_year INTEGER,
  holder_name TEXT,
  verified BOOLEAN NOT NULL DEFAULT FALSE,
  bank_name TEXT,
  account_type TEXT,
  -- Removed methods stay so that past payments keep their "Visa •••• 4242" label.
  removed_at TIMESTAMPTZ,
  seq BIGSERIAL NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX payment_methods_customer ON payment_methods (customer_id);

CREATE TABLE invoices (
  id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers (id),
  number TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('invoice', 'order')),
  issue_date DATE NOT NULL,
  due_date DATE,
  currency CHAR(3) NOT NULL,
  tax_name TEXT NOT NULL,
  tax_rate_basis_points INTEGER NOT NULL CHECK (tax_rate_basis_points >= 0),
  voided BOOLEAN NOT NULL DEFAULT FALSE,
  refunded BOOLEAN NOT NULL DEFAULT FALSE,
  created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX invoices_customer ON invoices (customer_id, issue_date DESC);

CREATE SEQUENCE invoice_number_seq;

CREATE TABLE invoice_lines (
  id TEXT PRIMARY KEY,
  invoice_id TEXT NOT NULL REFERENCES invoices (id),
  position INTEGER NOT NULL,
  description TEXT NOT NULL,
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  unit_price BIGINT NOT NULL
);
CREATE INDEX invoice_lines_invoice ON invoice_lines (invoice_id, position);

CREATE TABLE invoice_notes (
  id TEXT PRIMARY KEY,
  invoice_id TEXT NOT NULL REFERENCES invoices (id),
  author TEXT NOT NULL CHECK (author IN ('merchant', 'customer')),
  author_name TEXT NOT NULL,
  body TEXT NOT NULL,
  seq BIGSERIAL NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX invoice_notes_invoice ON invoice_notes (invoice_id);

-- One row per allocation attempt, with its outcome; only 'succeeded' rows count toward amount paid.
CREATE TABLE payments (
  id TEXT PRIMARY KEY,
  invoice_id TEXT NOT NULL REFERENCES invoices (id),
  customer_id TEXT NOT NULL REFERENCES customers (id),
  payment_method_id TEXT NOT NULL REFERENCES payment_methods (id),
  receipt_id TEXT,
  amount BIGINT NOT NULL CHECK (amount > 0),
  currency CHAR(3) NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('succeeded', 'declined', 'insufficient_funds', 'processing_error')),
  gateway_reference TEXT,
  seq BIGSERIAL NOT NULL,
  paid_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX payments_invoice ON payments (invoice_id);

CREATE TABLE plans (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  price BIGINT NOT NULL,
  currency CHAR(3) NOT NULL,
  billing_interval TEXT NOT NULL,
  interval_count INTEGER NOT NULL,
  trial_days INTEGER NOT NULL,
  features JSONB NOT NULL,
  terms TEXT,
  position INTEGER NOT NULL
);

CREATE TABLE subscriptions (
  id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers (id),
  plan_id TEXT NOT NULL REFERENCES plans (id),
  status TEXT NOT NULL,
  quantity INTEGER NOT NULL,
  products JSONB NOT NULL,
  terms TEXT,
  start_date DATE NOT NULL,
  current_period_end DATE NOT NULL,
  next_billing_date DATE,
  trial_end DATE,
  cancel_at_period_end BOOLEAN NOT NULL DEFAULT FALSE,
  canceled_at DATE,
  cancellation_reason TEXT,
  cancellation_comment TEXT,
  seq BIGSERIAL NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX subscriptions_customer ON subscriptions (customer_id);

CREATE TABLE pages (
  id TEXT PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  html TEXT NOT NULL,
  position INTEGER NOT NULL
);

CREATE TABLE access_rules (
  id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers (id),
  kind TEXT NOT NULL CHECK (kind IN ('domain', 'email')),
  -- Lower case: rules match addresses case-insensitively.
  value TEXT NOT NULL,
  seq BIGSERIAL NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  UNIQUE (kind, value)
);

-- Cookie sessions and merchant-minted bearer tokens; only the SHA-256 of the secret is stored.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('cookie', 'bearer')),
  customer_id TEXT NOT NULL REFERENCES customers (id),
  email TEXT NOT NULL,
  method TEXT NOT NULL CHECK (method IN ('password', 'magic_link', 'session_token')),
  created_at TIMESTAMPTZ NOT NULL,
  last_seen_at TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL,
  absolute_expires_at TIMESTAMPTZ NOT NULL,
  first_used_at TIMESTAMPTZ
);
CREATE INDEX sessions_customer ON sessions (customer_id);

-- Single-use emailed or challenge tokens (magic links, password resets, forced password changes).
CREATE TABLE auth_tokens (
  token_hash TEXT PRIMARY KEY,
  purpose TEXT NOT NULL CHECK (purpose IN ('magic_link', 'password_reset', 'password_change')),
  customer_id TEXT NOT NULL REFERENCES customers (id),
  email TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL,
  consumed_at TIMESTAMPTZ
);
CREATE INDEX auth_tokens_customer ON auth_tokens (customer_id, purpose);

-- Failed sign-ins per email address (known or not), for the lockout.
CREATE TABLE sign_in_failures (
  email TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  window_started_at TIMESTAMPTZ NOT NULL,
  locked_until TIMESTAMPTZ
);

-- Per-window hit counts per (bucket, key) for sliding-window rate limits; shared by every server process
-- on the same database.
CREATE TABLE rate_limits (
  bucket TEXT NOT NULL,
  key TEXT NOT NULL,
  window_start TIMESTAMPTZ NOT NULL,
  hits INTEGER NOT NULL,
  PRIMARY KEY (bucket, key, window_start)
);

CREATE TABLE access_logs (
  id TEXT PRIMARY KEY,
  at TIMESTAMPTZ NOT NULL,
  success BOOLEAN NOT NULL,
  method TEXT NOT NULL,
  email TEXT NOT NULL,
  ip TEXT NOT NULL,
  customer_code TEXT,
  reason TEXT,
  seq BIGSERIAL NOT NULL
);
CREATE INDEX access_logs_at ON access_logs (at DESC, seq DESC);

-- Money-moving requests by (customer, key): the first completed response is replayed verbatim.
CREATE TABLE idempotency_keys (
  customer_id TEXT NOT NULL REFERENCES customers (id),
  key TEXT NOT NULL,
  operation TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('in_flight', 'completed')),
  response_status INTEGER,
  response_body JSONB,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (customer_id, key)
);

CREATE TABLE outbox (
  id TEXT PRIMARY KEY,
  to_address TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  kind TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  -- Claimed by one delivery run at a time, so several server processes never send an email twice.
  claimed_at TIMESTAMPTZ,
  sent_at TIMESTAMPTZ,
  attempts INTEGER NOT NULL DEFAULT 0,
  error TEXT,
  seq BIGSERIAL NOT NULL
);
