package io.gatehouse.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's CPU time (user + system) from Linux's {@code /proc/<pid>/stat}; NaN when no process is watched. */
final class ProcessCpu {

    /** The kernel's USER_HZ, which is 100 on every Linux architecture Java runs on. */
    private static final double TICKS_PER_SECOND = 100;

    private final long pid;
    /** Whether the process's children count too (a PostgreSQL postmaster and its backends). */
    private final boolean withChildren;

    ProcessCpu(long pid) {
        this(pid, false);
    }

    private ProcessCpu(long pid, boolean withChildren) {
        this.pid = pid;
        this.withChildren = withChildren;
    }

    /**
     * A process and its children, live or ended: PostgreSQL runs each connection in a backend forked from the
     * postmaster, so the database's CPU is the postmaster's, its live children's and that of the children it has
     * reaped (cutime, cstime).
     */
    static ProcessCpu withChildren(long pid) {
        return new ProcessCpu(pid, true);
    }

    /**
     * The CPU time the whole machine has spent in user and kernel mode (not interrupts, which are partly the watched
     * processes' own network traffic), from {@code /proc/stat}: what the watched processes did not spend of it was
     * other processes'.
     */
    static double machineSeconds() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            // cpu user nice system idle ...
            return (Long.parseLong(fields[1]) + Long.parseLong(fields[2]) + Long.parseLong(fields[3]))
                    / TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/stat", e);
        }
    }

    double seconds() {
        if (pid <= 0) {
            return Double.NaN;
        }
        try {
            String[] fields = statFields(pid);
            // utime and stime are the stat file's fields 14 and 15, here 11 and 12 (counted from field 3);
            // cutime and cstime, the reaped children's, 13 and 14.
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            if (withChildren) {
                ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
                ticks += ProcessHandle.of(pid).stream().flatMap(ProcessHandle::children).mapToLong(child -> {
                    try {
                        String[] f = statFields(child.pid());
                        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    } catch (IOException ended) { // a backend that ended meanwhile is in cutime now
                        return 0;
                    }
                }).sum();
            }
            return ticks / TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CPU time of process " + pid, e);
        }
    }

    private static String[] statFields(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }
}
