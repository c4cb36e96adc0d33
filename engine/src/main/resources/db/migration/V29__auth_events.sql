-- Adaptive authentication's record of sign-in attempts (AdminListUserAuthEvents): one row per attempt by a known
-- user, written once when its risk is decided and touched again only when its challenge is answered or it gets
-- feedback. The same rows are each user's history that the risk signals compare a new attempt with: the address
-- and its network (/24 of IPv4, /48 of IPv6) and the browser or SDK family from the User-Agent.
CREATE TABLE auth_event (
    id                 VARCHAR(50)  NOT NULL PRIMARY KEY,
    user_pool_id       VARCHAR(55)  NOT NULL REFERENCES user_pool (id) ON DELETE CASCADE,
    sub                VARCHAR(64)  NOT NULL,
    event_type         VARCHAR(20)  NOT NULL,
    created_at         BIGINT       NOT NULL,
    response           VARCHAR(12)  NOT NULL,
    risk_decision      VARCHAR(20)  NOT NULL,
    risk_level         VARCHAR(8)   NOT NULL,
    signals            VARCHAR(500) NOT NULL,
    challenges         VARCHAR(200) NOT NULL,
    ip_address         VARCHAR(64)  NOT NULL,
    network            VARCHAR(64)  NOT NULL,
    agent_family       VARCHAR(200) NOT NULL,
    device_name        VARCHAR(500) NOT NULL,
    feedback_value     VARCHAR(10),
    feedback_provider  VARCHAR(20),
    feedback_at        BIGINT
);
-- A user's history, newest first (the signals, AdminListUserAuthEvents): descending, so the newest come straight
-- off the index instead of after a sort of all the user's events.
CREATE INDEX auth_event_user ON auth_event (user_pool_id, sub, created_at DESC);
-- Recent failures from one address, across users: the response in the key, so that the count walks failures only,
-- not every sign-in of a busy address (a NAT, a proxy that is not trusted).
CREATE INDEX auth_event_address ON auth_event (ip_address, response, created_at);
-- The retention purge.
CREATE INDEX auth_event_created ON auth_event (created_at);
