package io.gatehouse.engine.imports;

import io.gatehouse.engine.imports.ImportJobs.Counts;
import io.gatehouse.engine.transfer.FormulaCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A run's counts and per-row report (skipped and failed rows, as CSV), carried on from where a run that stopped with
 * its node left them. Every cell the report takes from the CSV or a message is neutralised against formulas.
 */
final class Progress {

    private final StringBuilder report = new StringBuilder();
    private final CSVPrinter printer;
    private long imported;
    private long skipped;
    private long failed;

    Progress(Counts done, String reportSoFar) {
        imported = done.imported();
        skipped = done.skipped();
        failed = done.failed();
        boolean resumed = reportSoFar != null && !reportSoFar.isEmpty();
        if (resumed) {
            report.append(reportSoFar);
        }
        try {
            printer = new CSVPrinter(report, CSVFormat.DEFAULT.builder()
                    .setHeader("row", "cognito:username", "outcome", "reason").setSkipHeaderRecord(resumed).get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void imported() {
        imported++;
    }

    void skipped(long row, String username, String reason) {
        skipped++;
        print(row, username, "skipped", reason);
    }

    void failed(long row, String username, String reason) {
        failed++;
        print(row, username, "failed", reason);
    }

    Counts counts() {
        return new Counts(imported, skipped, failed);
    }

    String report() {
        return report.toString();
    }

    private void print(long row, String username, String outcome, String reason) {
        try {
            printer.printRecord(row, FormulaCells.neutralise(username), outcome, FormulaCells.neutralise(reason));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
