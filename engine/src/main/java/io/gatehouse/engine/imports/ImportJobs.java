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
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * User import jobs, as Cognito runs them: created with a pre-signed URL that takes the CSV by HTTP PUT, started,
 * run in the background ({@link ImportRunner}), described with their progress, stopped.
 */
@ApplicationScoped
@Transactional
public class ImportJobs {

    private static final Logger LOG = Logger.getLogger(ImportJobs.class.getName());

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

    /** How long a run may show no sign of life before another node takes its job over. */
    @Inject
    @ConfigProperty(name = "gatehouse.imports.takeover-after", defaultValue = "PT2M")
    Duration takeoverAfter;

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

    /** A job's row counts: imported, skipped (the user existed), failed. */
    record Counts(long imported, long skipped, long failed) {

        /** How many rows of the CSV these counts cover. */
        long rows() {
            return imported + skipped + failed;
        }
    }

    /**
     * What a runner needs to work on a job: its CSV, and where a run that stopped with its node left it (the counts
     * and the report at its last progress), or nothing done for a job's first run.
     */
    record RunInput(String userPoolId, String csv, Counts done, String report) {
    }

    /**
     * Gives a job to {@code runner}: a queued one, or one whose run has shown no sign of life for
     * {@code gatehouse.imports.takeover-after} (its node stopped or died); empty when it is not to be run (ended,
     * another run has it, or it was stopped meanwhile, which it now is).
     */
    Optional<RunInput> begin(String jobId, String runner) {
        ImportJobEntity job = em.find(ImportJobEntity.class, jobId, LockModeType.PESSIMISTIC_WRITE);
        if (job == null) {
            return Optional.empty();
        }
        long now = clock.millis();
        boolean orphaned = job.orphanedBefore(now - takeoverAfter.toMillis());
        Counts done = job.counts();
        if (job.status() == ImportJob.Status.Stopping && (orphaned || done.rows() == 0)) {
            job.finish(ImportJob.Status.Stopped, done.rows() == 0 ? "Import job stopped before it started."
                    : "Import job stopped.", job.report(), now);
            return Optional.empty();
        }
        boolean queued = job.status() == ImportJob.Status.Pending;
        if (!queued && !(job.status() == ImportJob.Status.InProgress && orphaned)) {
            return Optional.empty();
        }
        if (!queued || done.rows() > 0) {
            LOG.info(() -> "Import job " + jobId + ": its run stopped with its node after " + done.rows()
                    + " row(s); " + runner + " resumes it");
        }
        job.run(runner, now);
        return Optional.of(new RunInput(job.userPoolId(), csv(jobId).orElse(""), done, job.report()));
    }

    /**
     * Records a running job's counts and report so far, with a sign of life.
     *
     * @return whether the run goes on: false when StopUserImportJob asked it to stop, its pool was deleted under it,
     *         or another node took it over (this run was thought dead)
     */
    boolean progress(String jobId, String runner, Counts counts, String report) {
        ImportJobEntity job = em.find(ImportJobEntity.class, jobId, LockModeType.PESSIMISTIC_WRITE);
        if (job == null || !job.runBy(runner)) {
            return false;
        }
        job.progress(counts, report, clock.millis());
        return job.status() != ImportJob.Status.Stopping;
    }

    /** Ends a job that {@code runner} still has: Stopped when it was asked to stop, else the given status. */
    void finish(String jobId, String runner, ImportJob.Status status, String message, String report) {
        ImportJobEntity job = em.find(ImportJobEntity.class, jobId, LockModeType.PESSIMISTIC_WRITE);
        if (job == null || !job.runBy(runner)) {
            return;
        }
        boolean stopped = job.status() == ImportJob.Status.Stopping;
        job.finish(stopped ? ImportJob.Status.Stopped : status, stopped ? "Import job stopped." : message, report,
                clock.millis());
    }

    /**
     * The jobs queued or running whose run has shown no sign of life for {@code gatehouse.imports.takeover-after}
     * before {@code now}: their node stopped.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    List<String> orphaned(long now) {
        return em.createQuery("select j.jobId from ImportJobEntity j where j.status in :running"
                        + " and coalesce(j.heartbeatAt, j.startedAt, j.createdAt) < :before", String.class)
                .setParameter("running", List.of(ImportJob.Status.Pending.name(), ImportJob.Status.InProgress.name(),
                        ImportJob.Status.Stopping.name()))
                .setParameter("before", now - takeoverAfter.toMillis()).getResultList();
    }

    /** How often a run shows a sign of life: well within the time after which another node takes its job over. */
    @Transactional(Transactional.TxType.SUPPORTS)
    Duration heartbeatEvery() {
        return takeoverAfter.dividedBy(4);
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
