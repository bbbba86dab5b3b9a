-- Issue 8: each card on file is reminded of its expiry once. The reminder job records the card here in
-- the transaction that queues the email; the primary key makes a second run, or a run of another server
-- process at the same time, find the card already reminded and send nothing.
CREATE TABLE card_expiry_reminders (
  payment_method_id TEXT PRIMARY KEY REFERENCES payment_methods (id),
  reminded_on DATE NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);
