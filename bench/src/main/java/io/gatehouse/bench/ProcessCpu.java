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

    ProcessCpu(long pid) {
        this.pid = pid;
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
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // utime and stime are the stat file's fields 14 and 15, here 11 and 12 (counted from field 3).
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CPU time of process " + pid, e);
        }
    }
}
