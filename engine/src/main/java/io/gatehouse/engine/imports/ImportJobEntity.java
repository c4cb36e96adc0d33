package io.gatehouse.engine.imports;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** A user import job, its uploaded CSV and its outcome. */
@Entity
@Table(name = "user_import_job")
public class ImportJobEntity {

    @Id
    @Column(name = "job_id")
    private String jobId;

    @Column(name = "user_pool_id", nullable = false)
    private String userPoolId;

    @Column(name = "job_name", nullable = false)
    private String jobName;

    @Column(name = "role_arn", nullable = false)
    private String roleArn;

    @Column(name = "upload_token", nullable = false)
    private String uploadToken;

    @Column(name = "status", nullable = false)
    private String status;

    /**
     * Lazy, and read only by query ({@link ImportJobs}): with EclipseLink's weaving, touching an attribute left out
     * of the fetch loads the rest of the row over fields already changed in the transaction.
     */
    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "csv_content")
    private String csvContent;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "started_at")
    private Long startedAt;

    @Column(name = "completed_at")
    private Long completedAt;

    @Column(name = "imported_users", nullable = false)
    private long importedUsers;

    @Column(name = "skipped_users", nullable = false)
    private long skippedUsers;

    @Column(name = "failed_users", nullable = false)
    private long failedUsers;

    @Column(name = "completion_message")
    private String completionMessage;

    @Lob
    @Column(name = "report")
    private String report;

    /** When the node running the job last wrote its progress: a job InProgress whose heartbeat is old lost its node. */
    @Column(name = "heartbeat_at")
    private Long heartbeatAt;

    /** Which run of which node works on the job; a node whose run was taken over stops at its next progress. */
    @Column(name = "runner")
    private String runner;

    protected ImportJobEntity() {
    }

    ImportJobEntity(String jobId, String userPoolId, String jobName, String roleArn, String uploadToken,
                    long now) {
        this.jobId = jobId;
        this.userPoolId = userPoolId;
        this.jobName = jobName;
        this.roleArn = roleArn;
        this.uploadToken = uploadToken;
        this.status = ImportJob.Status.Created.name();
        this.createdAt = now;
    }

    ImportJob view(String preSignedUrl) {
        return new ImportJob(jobId, userPoolId, jobName, roleArn, preSignedUrl, ImportJob.Status.valueOf(status),
                createdAt, startedAt, completedAt, importedUsers, skippedUsers, failedUsers, completionMessage);
    }

    String jobId() {
        return jobId;
    }

    String userPoolId() {
        return userPoolId;
    }

    String uploadToken() {
        return uploadToken;
    }

    ImportJob.Status status() {
        return ImportJob.Status.valueOf(status);
    }

    String report() {
        return report;
    }

    void upload(String csv) {
        this.csvContent = csv;
    }

    void status(ImportJob.Status status) {
        this.status = status.name();
    }

    void start(long now) {
        this.status = ImportJob.Status.Pending.name();
        this.startedAt = now;
    }

    /** Gives the job to {@code runner}, from now. */
    void run(String runner, long now) {
        this.status = ImportJob.Status.InProgress.name();
        this.runner = runner;
        this.heartbeatAt = now;
    }

    /** Whether {@code runner} still has the job: no other run has taken it over. */
    boolean runBy(String runner) {
        return runner.equals(this.runner);
    }

    /** Whether the job waits for, or is in, a run that has shown no sign of life since {@code before}. */
    boolean orphanedBefore(long before) {
        long lastSign = heartbeatAt != null ? heartbeatAt : startedAt != null ? startedAt : createdAt;
        return lastSign < before;
    }

    /** The counts so far, for a run that resumes the job. */
    ImportJobs.Counts counts() {
        return new ImportJobs.Counts(importedUsers, skippedUsers, failedUsers);
    }

    /** The counts, the report so far and a sign of life. */
    void progress(ImportJobs.Counts counts, String report, long now) {
        this.importedUsers = counts.imported();
        this.skippedUsers = counts.skipped();
        this.failedUsers = counts.failed();
        this.report = report;
        this.heartbeatAt = now;
    }

    void finish(ImportJob.Status status, String message, String report, long now) {
        this.status = status.name();
        this.completionMessage = message;
        this.report = report;
        this.completedAt = now;
    }
}
