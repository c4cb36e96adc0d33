package io.gatehouse.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * A closed-loop load: {@code clients} threads, each sending its next request as soon as the last one is answered,
 * through a warm-up (not recorded) and a measured window. Latencies are kept whole, not bucketed, so the
 * percentiles are exact.
 */
final class LoadRun {

    /** This process: the driver shares the cores with the server, so what it spends is reported too. */
    private static final ProcessCpu DRIVER_CPU = new ProcessCpu(ProcessHandle.current().pid());

    /** One client's next request. */
    interface Step {
        void run() throws Exception;
    }

    private LoadRun() {
    }

    /**
     * @param steps makes client {@code i}'s step; called on that client's thread before the warm-up, so set-up
     *              per client (a first sign-in) is not measured
     */
    static Result run(String label, int clients, Duration warmUp, Duration window, ProcessCpu serverCpu,
                      IntFunction<Step> steps) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        AtomicLong errors = new AtomicLong();
        AtomicReference<Exception> firstError = new AtomicReference<>();
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        long[] bounds = new long[2]; // measured window start and end, System.nanoTime()
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                long[] mine = new long[4096];
                int count = 0;
                try {
                    Step step = steps.apply(client);
                    ready.countDown();
                    go.await();
                    while (true) {
                        long start = System.nanoTime();
                        if (start >= bounds[1]) {
                            break;
                        }
                        try {
                            step.run();
                        } catch (Exception e) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, e);
                            continue;
                        }
                        long end = System.nanoTime();
                        if (start >= bounds[0] && end <= bounds[1]) {
                            if (count == mine.length) {
                                mine = Arrays.copyOf(mine, count * 2);
                            }
                            mine[count++] = end - start;
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, e);
                    ready.countDown();
                } finally {
                    latencies[client] = mine;
                    counts[client] = count;
                }
            }, label + "-" + c);
            threads.add(thread);
            thread.start();
        }
        ready.await();
        bounds[0] = System.nanoTime() + warmUp.toNanos();
        bounds[1] = bounds[0] + window.toNanos();
        go.countDown();
        Thread.sleep(warmUp.toMillis());
        double cpuBefore = serverCpu.seconds();
        double driverBefore = DRIVER_CPU.seconds();
        for (Thread thread : threads) {
            thread.join();
        }
        double cpuSeconds = serverCpu.seconds() - cpuBefore;
        double driverSeconds = DRIVER_CPU.seconds() - driverBefore;

        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        if (firstError.get() != null) {
            System.err.println(label + ": " + errors.get() + " failed requests, the first: " + firstError.get());
        }
        double seconds = window.toNanos() / 1e9;
        return new Result(label, clients, total / seconds, percentile(all, 0.50), percentile(all, 0.99),
                errors.get(), total == 0 ? Double.NaN : cpuSeconds * 1000 / total,
                total == 0 ? Double.NaN : driverSeconds * 1000 / total);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
