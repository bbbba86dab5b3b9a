-- Issue 10: quick order hands the signed-in customer to the merchant's checkout with a single-use token.
-- Only its hash is stored; it lives two minutes and is used up by the first exchange (used_at), in one
-- UPDATE, so two exchanges of the same token cannot both succeed.
CREATE TABLE quick_order_tokens (
  token_hash TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers (id),
  created_at TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL,
  used_at TIMESTAMPTZ
);
CREATE INDEX quick_order_tokens_expiry ON quick_order_tokens (expires_at);
