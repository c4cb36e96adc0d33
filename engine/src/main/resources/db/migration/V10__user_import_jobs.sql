-- User import jobs (CreateUserImportJob and friends): the uploaded CSV is kept with its job until the job is
-- deleted with its pool; the per-row report lists every row that failed or was skipped, and why.
CREATE TABLE user_import_job (
    job_id              VARCHAR(55)   NOT NULL PRIMARY KEY,
    user_pool_id        VARCHAR(55)   NOT NULL REFERENCES user_pool (id) ON DELETE CASCADE,
    job_name            VARCHAR(128)  NOT NULL,
    role_arn            VARCHAR(2048) NOT NULL,
    -- The secret in the job's pre-signed URL. Kept as is, not hashed: like S3's pre-signed URLs in Cognito,
    -- DescribeUserImportJob shows the URL again. It can only upload this job's CSV and read its report.
    upload_token        VARCHAR(64)   NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    csv_content         TEXT,
    created_at          BIGINT        NOT NULL,
    started_at          BIGINT,
    completed_at        BIGINT,
    imported_users      BIGINT        NOT NULL,
    skipped_users       BIGINT        NOT NULL,
    failed_users        BIGINT        NOT NULL,
    completion_message  VARCHAR(128),
    report              TEXT
);

CREATE INDEX user_import_job_by_pool ON user_import_job (user_pool_id, created_at);
