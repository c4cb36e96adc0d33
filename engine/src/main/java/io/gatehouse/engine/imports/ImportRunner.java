package io.gatehouse.engine.imports;

import io.gatehouse.engine.error.ServiceException;
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
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    private void run(String jobId) {
        try {
            jobs.begin(jobId).ifPresent(input -> process(jobId, input));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Import job " + jobId + " failed", e);
            jobs.finish(jobId, ImportJob.Status.Failed, "The import job failed on a server error.", null);
        }
    }

    private void process(String jobId, ImportJobs.RunInput input) {
        UserPool pool = pools.get(input.userPoolId());
        List<String> known = UserImports.transferHeader(pool);
        StringWriter report = new StringWriter();
        long imported = 0;
        long skipped = 0;
        long failed = 0;
        try (CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).get().parse(new StringReader(input.csv()));
             CSVPrinter printer = new CSVPrinter(report, CSVFormat.DEFAULT.builder()
                     .setHeader("row", "cognito:username", "outcome", "reason").get())) {
            List<String> header = csv.getHeaderNames();
            List<String> unknown = new ArrayList<>(header);
            unknown.removeAll(known);
            if (!unknown.isEmpty() || !header.contains("cognito:username")) {
                jobs.finish(jobId, ImportJob.Status.Failed, unknown.isEmpty()
                        ? "The CSV header has no cognito:username column."
                        : abbreviate("The CSV header has columns the pool does not know: " + unknown), null);
                return;
            }
            boolean transfer = header.stream().anyMatch(UserImports.TRANSFER_COLUMNS::contains);
            for (CSVRecord record : csv) {
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
                        imported++;
                    } else {
                        skipped++;
                        printer.printRecord(record.getRecordNumber(), FormulaCells.neutralise(username), "skipped",
                                "The user already exists.");
                    }
                } catch (ServiceException e) {
                    failed++;
                    printer.printRecord(record.getRecordNumber(), FormulaCells.neutralise(username), "failed",
                            FormulaCells.neutralise(e.getMessage()));
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Import job " + jobId + ": row " + record.getRecordNumber() + " failed", e);
                    failed++;
                    printer.printRecord(record.getRecordNumber(), FormulaCells.neutralise(username), "failed",
                            "A server error stopped this row.");
                }
                if ((imported + skipped + failed) % PROGRESS_EVERY == 0
                        && jobs.progress(jobId, imported, skipped, failed) == ImportJob.Status.Stopping) {
                    break;
                }
            }
            printer.flush();
            jobs.progress(jobId, imported, skipped, failed);
            jobs.finish(jobId, ImportJob.Status.Succeeded, failed + skipped == 0
                    ? "Import Job Completed Successfully."
                    : "Import Job Completed: " + failed + " rows failed and " + skipped + " were skipped; see the report.",
                    report.toString());
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            // Commons CSV reports a malformed file (an unclosed quote, a duplicate column) this way.
            jobs.progress(jobId, imported, skipped, failed);
            jobs.finish(jobId, ImportJob.Status.Failed, abbreviate("The CSV file is malformed: " + e.getMessage()),
                    report.toString());
        }
    }

    /** Cognito's CompletionMessage is at most 128 characters. */
    private static String abbreviate(String message) {
        return message.length() <= 128 ? message : message.substring(0, 125) + "...";
    }
}
