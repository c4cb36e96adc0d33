package io.gatehouse.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultTest {

    @Test
    void aLineWithTheUpstreamIdpsCpuComesBackWhole() {
        Result written = new Result("gatehouse fast federated-first", 8, 251.5, 28.1, 60.2, 0, 5.43, 1.25, 2.5);

        Result read = Result.fromTsv(written.tsv());

        assertEquals(written, read);
    }

    @Test
    void linesWrittenBeforeTheUpstreamIdpOrTheDriverWereMeasuredStillRead() {
        Result eight = Result.fromTsv("gatehouse fast sign-in\t8\t1287.0\t5.30\t21.10\t1.19\t0\t0.09");
        Result seven = Result.fromTsv("gatehouse fast sign-in\t8\t1287.0\t5.30\t21.10\t1.19\t0");

        assertEquals(0.09, eight.driverCpuMs());
        assertTrue(Double.isNaN(eight.upstreamCpuMs()));
        assertTrue(Double.isNaN(seven.driverCpuMs()));
        assertTrue(Double.isNaN(seven.upstreamCpuMs()));
    }
}
