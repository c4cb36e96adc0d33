-- Brute-force protection's counters, shared by every node of a cluster. A row exists only while it matters: it is
-- written at a failure, deleted at a success (when there is one), and purged once expired.
--
-- Consecutive failed passwords (and MFA codes) per user: the key is a hash of the pool and the user's sub, or,
-- for a name the pool does not know, of the name itself, so an unknown name locks as a real user does, and no
-- name anyone typed (sometimes a password typed in the wrong field) is kept in clear.
CREATE TABLE user_lockout (
    lock_key        VARCHAR(64)  NOT NULL PRIMARY KEY,
    user_pool_id    VARCHAR(55)  NOT NULL REFERENCES user_pool (id) ON DELETE CASCADE,
    failures        INTEGER      NOT NULL,
    last_failure_at BIGINT       NOT NULL,
    expires_at      BIGINT       NOT NULL
);
CREATE INDEX user_lockout_by_expiry ON user_lockout (expires_at);

-- Failed guesses per source address, as a token bucket kept in one number: the instant (epoch milliseconds) the
-- address's bucket is full again. Past it, the row says nothing and is purged.
CREATE TABLE address_throttle (
    address VARCHAR(64) NOT NULL PRIMARY KEY,
    full_at BIGINT      NOT NULL
);
CREATE INDEX address_throttle_by_full_at ON address_throttle (full_at);
