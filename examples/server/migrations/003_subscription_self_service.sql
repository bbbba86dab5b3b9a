-- Issue 9: subscription self-service. A change is priced by a quote the customer confirms; scheduled
-- changes, retention discounts, pauses until a date and carried credit live on the subscription; plans
-- bound the quantity a customer may choose.

ALTER TABLE plans
  ADD COLUMN min_quantity INTEGER CHECK (min_quantity BETWEEN 1 AND 10000),
  ADD COLUMN max_quantity INTEGER CHECK (max_quantity BETWEEN 1 AND 10000);

ALTER TABLE subscriptions
  -- The method its invoices are charged to; NULL: the customer's default at the time.
  ADD COLUMN payment_method_id TEXT REFERENCES payment_methods (id),
  ADD COLUMN paused_until DATE,
  -- {"planId", "quantity", "effectiveDate"}: applied on effectiveDate by the billing cycle.
  ADD COLUMN scheduled_change JSONB,
  -- {"percentOff", "periodsRemaining"}: the retention discount the customer accepted.
  ADD COLUMN discount JSONB,
  -- Minor units credited by a change beyond what it cost, taken off the next renewals.
  ADD COLUMN carried_credit BIGINT NOT NULL DEFAULT 0 CHECK (carried_credit >= 0);

-- What a change costs, pinned: changing with a quote charges exactly due_today, once (used_at), before
-- expires_at and while the subscription is still on the basis it was quoted from.
CREATE TABLE subscription_quotes (
  id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers (id),
  subscription_id TEXT NOT NULL REFERENCES subscriptions (id),
  plan_id TEXT NOT NULL REFERENCES plans (id),
  quantity INTEGER NOT NULL,
  effective TEXT NOT NULL CHECK (effective IN ('now', 'period_end')),
  effective_date DATE NOT NULL,
  credit BIGINT NOT NULL CHECK (credit >= 0),
  charge BIGINT NOT NULL CHECK (charge >= 0),
  tax BIGINT NOT NULL CHECK (tax >= 0),
  due_today BIGINT NOT NULL CHECK (due_today >= 0),
  carried_credit BIGINT NOT NULL CHECK (carried_credit >= 0),
  next_renewal_amount BIGINT NOT NULL,
  next_renewal_date DATE NOT NULL,
  basis_plan_id TEXT NOT NULL,
  basis_quantity INTEGER NOT NULL,
  basis_period_end DATE NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  used_at TIMESTAMPTZ,
  -- The invoice that recorded the charge, when something was due today.
  invoice_id TEXT REFERENCES invoices (id)
);
CREATE INDEX subscription_quotes_subscription ON subscription_quotes (subscription_id);

-- Settings saved before this migration get the new subscription settings' defaults; what is set stays.
UPDATE settings
   SET data = jsonb_set(
     data,
     '{subscriptions}',
     '{"downgrades": "period_end", "maxPauseDays": 90, "cancellationReasons": []}'::jsonb
       || (data -> 'subscriptions')
   );
