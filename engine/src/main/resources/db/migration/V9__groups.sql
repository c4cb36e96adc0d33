-- User pool groups (CreateGroup and friends) and their members. Members are users of the pool's user store,
-- named by sub; the store may live elsewhere, so there is no foreign key to pool_user, and deleting a user deletes
-- their memberships explicitly.
CREATE TABLE user_group (
    user_pool_id VARCHAR(55)   NOT NULL REFERENCES user_pool (id) ON DELETE CASCADE,
    group_name   VARCHAR(128)  NOT NULL,
    description  VARCHAR(2048),
    role_arn     VARCHAR(2048),
    precedence   INTEGER,
    created_at   BIGINT        NOT NULL,
    modified_at  BIGINT        NOT NULL,
    PRIMARY KEY (user_pool_id, group_name)
);

CREATE TABLE user_group_member (
    user_pool_id VARCHAR(55)  NOT NULL,
    group_name   VARCHAR(128) NOT NULL,
    sub          VARCHAR(36)  NOT NULL,
    PRIMARY KEY (user_pool_id, group_name, sub),
    FOREIGN KEY (user_pool_id, group_name) REFERENCES user_group (user_pool_id, group_name) ON DELETE CASCADE
);

-- A user's groups, for their tokens and AdminListGroupsForUser.
CREATE INDEX user_group_member_by_user ON user_group_member (user_pool_id, sub);
