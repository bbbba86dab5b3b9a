-- Quick order answers who asked as well as which account: several people may reach one billing account
-- (access rules, switchAccount), so the account's email is not necessarily the visitor's. Each token
-- records the signed-in person's address when it is made, and the exchange answers it as `signedInAs`.
-- Tokens stored before this have no such address and are refused (they expire within two minutes anyway).
ALTER TABLE quick_order_tokens ADD COLUMN signed_in_as TEXT;
