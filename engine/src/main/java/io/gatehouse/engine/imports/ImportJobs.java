package io.gatehouse.engine.imports;

import io.gatehouse.engine.config.GatehouseConfig;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.security.DataKey;
import io.gatehouse.engine.security.RandomTokens;
import io.gatehouse.engine.security.SealedColumn;
import io.gatehouse.engine.userpool.Identifiers;
import io.gatehouse.engine.userpool.Page;
import io.gatehouse.engine.userpool.PageToken;
import io.gatehouse.engine.userpool.UserPools;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * User import jobs, as Cognito runs them: created with a pre-signed URL that takes the CSV by HTTP PUT, started,
 * run in the background ({@link ImportRunner}), described with their progress, stopped.
 */
@ApplicationScoped
@Transactional
public class ImportJobs {

    /** The largest CSV accepted. */
    public static final int MAX_CSV_BYTES = 20 * 1024 * 1024;

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    UserPools pools;

    @Inject
    GatehouseConfig config;

    @Inject
    Clock clock;

    @Inject
    ImportRunner runner;

    @Inject
    DataKey dataKey;

    /** A new job awaiting its CSV (CreateUserImportJob). */
    public ImportJob create(String userPoolId, String jobName, String roleArn) {
        pools.get(userPoolId);
        String jobId = Identifiers.importJobId();
        ImportJobEntity job = new ImportJobEntity(jobId, userPoolId, jobName, roleArn,
                dataKey.sealText(RandomTokens.urlSafe(32), SealedColumn.UPLOAD_TOKEN.context(userPoolId, jobId)),
                clock.millis());
        em.persist(job);
        return view(job);
    }

    /** The job (DescribeUserImportJob). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ImportJob describe(String userPoolId, String jobId) {
        return view(find(userPoolId, jobId, LockModeType.NONE));
    }

    /** One page of the pool's jobs, oldest first (ListUserImportJobs). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ImportJob> list(String userPoolId, int maxResults, Optional<String> paginationToken) {
        pools.get(userPoolId);
        String kind = "imports:" + userPoolId;
        Optional<String> after = PageToken.decode(kind, paginationToken);
        List<ImportJobEntity> rows = em.createQuery("select j from ImportJobEntity j where j.userPoolId = :pool"
                        + " and j.jobId > :after order by j.jobId", ImportJobEntity.class)
                .setParameter("pool", userPoolId).setParameter("after", after.orElse(""))
                .setMaxResults(maxResults + 1).getResultList();
        return Page.cut(rows.stream().map(this::view).toList(), maxResults, kind, ImportJob::jobId);
    }

    /** Queues the job (StartUserImportJob); its CSV must be uploaded. */
    public ImportJob start(String userPoolId, String jobId) {
        ImportJobEntity job = find(userPoolId, jobId, LockModeType.PESSIMISTIC_WRITE);
        if (job.status() != ImportJob.Status.Created) {
            throw ServiceException.invalidParameter("Job " + jobId + " is " + job.status()
                    + "; only a job in Created can be started.");
        }
        if (csv(jobId).isEmpty()) {
            throw ServiceException.invalidParameter("No CSV file was uploaded to the job's pre-signed URL.");
        }
        job.start(clock.millis());
        runner.submitAfterCommit(jobId);
        return view(job);
    }

    /** Stops a job: at once if it has not started, else after the row it is on (StopUserImportJob). */
    public ImportJob stop(String userPoolId, String jobId) {
        ImportJobEntity job = find(userPoolId, jobId, LockModeType.PESSIMISTIC_WRITE);
        switch (job.status()) {
            case Created -> job.finish(ImportJob.Status.Stopped, "Import job stopped before it started.", null,
                    clock.millis());
            case Pending, InProgress -> job.status(ImportJob.Status.Stopping);
            default -> throw ServiceException.invalidParameter("Job " + jobId + " is " + job.status()
                    + " and cannot be stopped.");
        }
        return view(job);
    }

    /**
     * Whether a job's pre-signed URL takes a file now: the token is the job's and the job is Created. Asked before
     * the body is read, so that a stranger's upload costs the server no more than this lookup.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean takesUpload(String jobId, String token) {
        ImportJobEntity job = em.find(ImportJobEntity.class, jobId);
        return job != null && matches(job, token) && job.status() == ImportJob.Status.Created;
    }

    /**
     * Stores the CSV sent to a job's pre-signed URL.
     *
     * @return false when the URL's token is not the job's, or the job no longer takes a file
     */
    public boolean upload(String jobId, String token, String csv) {
        ImportJobEntity job = em.find(ImportJobEntity.class, jobId, LockModeType.PESSIMISTIC_WRITE);
        if (job == null || !matches(job, token) || job.status() != ImportJob.Status.Created) {
            return false;
        }
        job.upload(csv);
        return true;
    }

    /** The per-row report of an ended job, for its pre-signed URL; empty when the token is wrong or it runs. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> report(String jobId, String token) {
        ImportJobEntity job = em.find(ImportJobEntity.class, jobId);
        if (job == null || !matches(job, token) || !job.status().ended()) {
            return Optional.empty();
        }
        return Optional.of(job.report() == null ? "" : job.report());
    }

    /** What a runner needs to work on a job. */
    record RunInput(String userPoolId, String csv) {
    }

    /** Moves a queued job to InProgress; empty when it was stopped meanwhile (it is then Stopped). */
    Optional<RunInput> begin(String jobId) {
        ImportJobEntity job = em.find(ImportJobEntity.class, jobId, LockModeType.PESSIMISTIC_WRITE);
        if (job == null) {
            return Optional.empty();
        }
        if (job.status() == ImportJob.Status.Stopping) {
            job.finish(ImportJob.Status.Stopped, "Import job stopped before it started.", null, clock.millis());
            return Optional.empty();
        }
        if (job.status() != ImportJob.Status.Pending) {
            return Optional.empty();
        }
        job.status(ImportJob.Status.InProgress);
        return Optional.of(new RunInput(job.userPoolId(), csv(jobId).orElse("")));
    }

    /** Records a running job's counts; returns its status, which StopUserImportJob may have set to Stopping. */
    ImportJob.Status progress(String jobId, long imported, long skipped, long failed) {
        ImportJobEntity job = em.find(ImportJobEntity.class, jobId, LockModeType.PESSIMISTIC_WRITE);
        if (job == null) {
            return ImportJob.Status.Stopping; // its pool was deleted under it
        }
        job.progress(imported, skipped, failed);
        return job.status();
    }

    /** Ends a job: Stopped when it was asked to stop, else the given status. */
    void finish(String jobId, ImportJob.Status status, String message, String report) {
        ImportJobEntity job = em.find(ImportJobEntity.class, jobId, LockModeType.PESSIMISTIC_WRITE);
        if (job == null) {
            return;
        }
        boolean stopped = job.status() == ImportJob.Status.Stopping;
        job.finish(stopped ? ImportJob.Status.Stopped : status, stopped ? "Import job stopped." : message, report,
                clock.millis());
    }

    /** The job's uploaded CSV, read by query: see {@link ImportJobEntity}'s csvContent. */
    private Optional<String> csv(String jobId) {
        return em.createQuery("select j.csvContent from ImportJobEntity j where j.jobId = :id", String.class)
                .setParameter("id", jobId).getResultList().stream().filter(java.util.Objects::nonNull).findFirst();
    }

    private boolean matches(ImportJobEntity job, String token) {
        return token != null && MessageDigest.isEqual(uploadToken(job).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    /** The job's upload token, opened: it is kept sealed ({@link SealedColumn#UPLOAD_TOKEN}). */
    private String uploadToken(ImportJobEntity job) {
        return dataKey.openText(job.uploadToken(), SealedColumn.UPLOAD_TOKEN.context(job.userPoolId(), job.jobId()));
    }

    private ImportJobEntity find(String userPoolId, String jobId, LockModeType lock) {
        ImportJobEntity job = em.find(ImportJobEntity.class, jobId, lock);
        if (job == null || !job.userPoolId().equals(userPoolId)) {
            pools.get(userPoolId);
            throw ServiceException.resourceNotFound("Import job " + jobId + " does not exist.");
        }
        return job;
    }

    private ImportJob view(ImportJobEntity job) {
        return job.view(config.baseUrl() + "/import-jobs/" + job.jobId() + "?token=" + uploadToken(job));
    }
}
