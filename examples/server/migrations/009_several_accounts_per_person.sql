-- Several billing accounts per person: one address (or domain) may be granted on several accounts, so a
-- rule's value is unique within its account only. Overlaps inside one account are still refused by the
-- rules (src/rules/access.ts assertNoOverlap); this keeps two identical rules on one account out even
-- when two requests race.
ALTER TABLE access_rules DROP CONSTRAINT access_rules_kind_value_key;
ALTER TABLE access_rules ADD CONSTRAINT access_rules_customer_kind_value_key UNIQUE (customer_id, kind, value);
