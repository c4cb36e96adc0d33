-- A user's settled auth events (passed, or given feedback) are the history that says which devices and networks
-- are theirs. Read among the latest events of any kind, they could be pushed out by a flood of wrong passwords, so
-- they are read apart, straight off an index keyed on whether an event is settled.
ALTER TABLE auth_event ADD COLUMN settled BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE auth_event SET settled = TRUE WHERE response = 'Pass' OR feedback_value IS NOT NULL;
CREATE INDEX auth_event_settled ON auth_event (user_pool_id, sub, settled, created_at DESC);
