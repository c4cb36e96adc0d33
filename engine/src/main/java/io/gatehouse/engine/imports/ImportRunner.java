package io.gatehouse.engine.imports;

import io.gatehouse.engine.cluster.NodeName;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.imports.ImportJobs.Counts;
import io.gatehouse.engine.transfer.FormulaCells;
import io.gatehouse.engine.userpool.UserPool;
import io.gatehouse.engine.userpool.UserPools;
import io.gatehouse.engine.users.UserImports;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs started import jobs on the server's managed executor: row by row, each in its own transaction
 * ({@link UserImports#importRow}), counting imported, skipped and failed rows, writing a per-row report, and
 * checking every {@value #PROGRESS_EVERY} rows whether the job was asked to stop.
 */
@ApplicationScoped
public class ImportRunner {

    private static final Logger LOG = Logger.getLogger(ImportRunner.class.getName());
    private static final int PROGRESS_EVERY = 50;

    @Resource
    ManagedExecutorService executor;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    ImportJobs jobs;

    @Inject
    UserPools pools;

    @Inject
    UserImports imports;

    /** Runs the job once the caller's transaction (which queued it) has committed. */
    void submitAfterCommit(String jobId) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    executor.submit(() -> run(jobId));
                }
            }
        });
    }

    /** Runs again a job whose node stopped ({@link ImportWatch}); {@link ImportJobs#begin} decides whether it is. */
    void resume(String jobId) {
        executor.submit(() -> run(jobId));
    }

    private void run(String jobId) {
        String runner = NodeName.current() + "/" + UUID.randomUUID();
        try {
            jobs.begin(jobId, runner).ifPresent(input -> process(jobId, runner, input));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Import job " + jobId + " failed", e);
            jobs.finish(jobId, runner, ImportJob.Status.Failed, "The import job failed on a server error.", null);
        }
    }

    /**
     * Imports the CSV's rows after those {@code input} says are done (a run resuming a job whose node stopped goes on
     * from the last progress its predecessor wrote; rows it did after that are done again, and a user it imported
     * then is reported as skipped, since the user exists).
     */
    private void process(String jobId, String runner, ImportJobs.RunInput input) {
        UserPool pool = pools.get(input.userPoolId());
        List<String> known = UserImports.transferHeader(pool);
        Progress progress = new Progress(input.done(), input.report());
        try (CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).get().parse(new StringReader(input.csv()))) {
            List<String> header = csv.getHeaderNames();
            List<String> unknown = new ArrayList<>(header);
            unknown.removeAll(known);
            if (!unknown.isEmpty() || !header.contains("cognito:username")) {
                jobs.finish(jobId, runner, ImportJob.Status.Failed, unknown.isEmpty()
                        ? "The CSV header has no cognito:username column."
                        : abbreviate("The CSV header has columns the pool does not know: " + unknown), null);
                return;
            }
            boolean transfer = header.stream().anyMatch(UserImports.TRANSFER_COLUMNS::contains);
            long row = 0;
            long beatEvery = jobs.heartbeatEvery().toNanos();
            long lastBeat = System.nanoTime();
            for (CSVRecord record : csv) {
                if (++row <= input.done().rows()) {
                    continue;
                }
                importRow(jobId, pool, header, record, transfer, progress);
                boolean beat = System.nanoTime() - lastBeat >= beatEvery;
                if (progress.counts().rows() % PROGRESS_EVERY == 0 || beat) {
                    lastBeat = System.nanoTime();
                    if (!jobs.progress(jobId, runner, progress.counts(), progress.report())) {
                        break;
                    }
                }
            }
            jobs.progress(jobId, runner, progress.counts(), progress.report());
            Counts counts = progress.counts();
            jobs.finish(jobId, runner, ImportJob.Status.Succeeded, counts.failed() + counts.skipped() == 0
                    ? "Import Job Completed Successfully."
                    : "Import Job Completed: " + counts.failed() + " rows failed and " + counts.skipped()
                            + " were skipped; see the report.",
                    progress.report());
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            // Commons CSV reports a malformed file (an unclosed quote, a duplicate column) this way.
            jobs.progress(jobId, runner, progress.counts(), progress.report());
            jobs.finish(jobId, runner, ImportJob.Status.Failed,
                    abbreviate("The CSV file is malformed: " + e.getMessage()), progress.report());
        }
    }

    private void importRow(String jobId, UserPool pool, List<String> header, CSVRecord record, boolean transfer,
                           Progress progress) {
        Map<String, String> columns = new LinkedHashMap<>(record.toMap());
        if (transfer) {
            // An export neutralised cells that looked like formulas: take the apostrophe off again.
            columns.replaceAll((column, value) -> FormulaCells.restore(value));
        }
        String username = columns.getOrDefault("cognito:username", "");
        try {
            if (!record.isConsistent()) {
                throw ServiceException.invalidParameter("The row has " + record.size() + " fields; the "
                        + "header has " + header.size() + ".");
            }
            if (imports.importRow(pool, columns, transfer) == UserImports.Outcome.IMPORTED) {
                progress.imported();
            } else {
                progress.skipped(record.getRecordNumber(), username, "The user already exists.");
            }
        } catch (ServiceException e) {
            progress.failed(record.getRecordNumber(), username, e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Import job " + jobId + ": row " + record.getRecordNumber() + " failed", e);
            progress.failed(record.getRecordNumber(), username, "A server error stopped this row.");
        }
    }

    /** Cognito's CompletionMessage is at most 128 characters. */
    private static String abbreviate(String message) {
        return message.length() <= 128 ? message : message.substring(0, 125) + "...";
    }
}
