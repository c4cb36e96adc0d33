package io.gatehouse.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * A closed-loop load: {@code clients} threads, each sending its next request as soon as the last one is answered,
 * through a warm-up (not recorded) and a measured window. Latencies are kept whole, not bucketed, so the
 * percentiles are exact.
 *
 * <p>The window counts the requests that <em>end</em> in it, and the CPU times are read at its two ends. Counting
 * only requests that both start and end inside it, as this class did until 2026-12-01, drops about one latency's
 * worth of each client's requests: the request in flight when the window opens and the one in flight when it
 * closes. At 32 clients and 80 production-hash sign-ins a second (400 ms each) that is 4% of a 10 s window, and the
 * CPU, then read until the last client had finished, was spread over 4% fewer requests than it paid for.
 */
final class LoadRun {

    /** This process: the driver shares the cores with the server, so what it spends is reported too. */
    private static final ProcessCpu DRIVER_CPU = new ProcessCpu(ProcessHandle.current().pid());

    /** The other processes' CPU during a window, in cores, above which the window is noted as shared. */
    private static final double OTHERS_NOTED_CORES = 0.1;

    /** One client's next request. */
    interface Step {
        void run() throws Exception;
    }

    /** A request on behalf of user number {@code user}. */
    interface UserStep {
        void run(int user) throws Exception;
    }

    private LoadRun() {
    }

    /**
     * Each client's steps, cycling through its share of {@code users}: client {@code c} acts for users {@code c},
     * {@code c + clients}, ... (modulo {@code users}), so that the clients do not take turns on one user.
     */
    static IntFunction<Step> cycling(int users, int clients, UserStep step) {
        return client -> {
            int[] next = {client};
            return () -> {
                step.run(next[0] % users);
                next[0] += clients;
            };
        };
    }

    /**
     * Each client signs in once as user {@code client % users} when its step is made (set-up, not measured), then
     * each step refreshes with the latest refresh token.
     */
    static IntFunction<Step> refreshing(Target target, int users) {
        return client -> {
            String[] token = new String[1];
            try {
                token[0] = target.signIn(client % users);
            } catch (Exception e) {
                throw new IllegalStateException("the first sign-in of client " + client + " failed", e);
            }
            return () -> token[0] = target.refresh(token[0]);
        };
    }

    /**
     * @param steps makes client {@code i}'s step; called on that client's thread before the warm-up, so set-up
     *              per client (a first sign-in) is not measured
     */
    static Result run(String label, int clients, Duration warmUp, Duration window, ProcessCpu serverCpu,
                      IntFunction<Step> steps) throws InterruptedException {
        return run(label, clients, warmUp, window, serverCpu, new ProcessCpu(0), steps);
    }

    /**
     * @param upstreamCpu a third process the requests make work for (an upstream IdP), whose CPU time per request
     *                    is reported apart from the server's
     */
    static Result run(String label, int clients, Duration warmUp, Duration window, ProcessCpu serverCpu,
                      ProcessCpu upstreamCpu, IntFunction<Step> steps) throws InterruptedException {
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
                        if (end >= bounds[0] && end < bounds[1]) {
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
        sleepUntil(bounds[0]);
        double cpuBefore = serverCpu.seconds();
        double driverBefore = DRIVER_CPU.seconds();
        double upstreamBefore = upstreamCpu.seconds();
        double machineBefore = ProcessCpu.machineSeconds();
        sleepUntil(bounds[1]);
        double cpuSeconds = serverCpu.seconds() - cpuBefore;
        double driverSeconds = DRIVER_CPU.seconds() - driverBefore;
        double upstreamSeconds = upstreamCpu.seconds() - upstreamBefore;
        double othersSeconds = ProcessCpu.machineSeconds() - machineBefore - cpuSeconds - driverSeconds
                - (Double.isNaN(upstreamSeconds) ? 0 : upstreamSeconds);
        for (Thread thread : threads) {
            thread.join();
        }

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
        // The cores are shared with whatever else runs on the machine; a point that had to share them says so.
        if (othersSeconds / seconds > OTHERS_NOTED_CORES) {
            System.out.printf(Locale.ROOT, "(%s, %d clients: other processes took %.2f cores during the window)%n",
                    label, clients, othersSeconds / seconds);
        }
        return new Result(label, clients, total / seconds, percentile(all, 0.50), percentile(all, 0.99),
                errors.get(), perRequestMs(cpuSeconds, total), perRequestMs(driverSeconds, total),
                perRequestMs(upstreamSeconds, total));
    }

    private static double perRequestMs(double cpuSeconds, int requests) {
        return requests == 0 ? Double.NaN : cpuSeconds * 1000 / requests;
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
