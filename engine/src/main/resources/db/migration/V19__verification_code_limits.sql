-- Limits that outlive one code: re-issuing a code keeps the failures counted since the window began, and the
-- number of codes sent in it, so "send a new code, guess five times" cannot be repeated to brute-force a code.
-- A row is now kept until both its code and its window have expired.
ALTER TABLE verification_code ADD COLUMN window_started_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE verification_code ADD COLUMN window_sends INTEGER NOT NULL DEFAULT 0;
ALTER TABLE verification_code ADD COLUMN window_failures INTEGER NOT NULL DEFAULT 0;
