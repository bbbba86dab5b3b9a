-- Issue 9: the billing cycle invoices each subscription period once. The renewal job records the period
-- here in the transaction that issues its invoice, with the subscription's row locked; the primary key is
-- the backstop that makes a second run, or a run of another server process at the same moment, unable to
-- issue that period again. It also says which subscription an invoice renews, so paying it can bring a
-- past-due subscription back to active.
CREATE TABLE subscription_renewals (
  subscription_id TEXT NOT NULL REFERENCES subscriptions (id),
  period_start DATE NOT NULL,
  period_end DATE NOT NULL,
  invoice_id TEXT NOT NULL UNIQUE REFERENCES invoices (id),
  created_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (subscription_id, period_start)
);
