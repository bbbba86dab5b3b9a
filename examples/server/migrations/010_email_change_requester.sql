-- Only a billing account's owner (the person whose own address is its email) may change that address
-- (src/rules/account-owner.ts): a person an access rule lets in must not move it to a mailbox of theirs.
-- Each email-change link records who asked, and confirming it checks that they still own the account.
-- Links stored before this have no requester and are refused (they expire within the hour anyway).
ALTER TABLE email_change_tokens ADD COLUMN requested_by TEXT;
