package dev.vai.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The service process's resident memory, from the kernel: {@code VmHWM} in {@code /proc/<pid>/status} is the peak
 * resident set size since the process started, so nothing between two samples is missed.
 */
final class PeakMemory implements AutoCloseable {

    private final Path status;
    private long lastPeakKib;

    PeakMemory(long pid) {
        this.status = Path.of("/proc", String.valueOf(pid), "status");
    }

    /** Peak RSS so far, in MiB (the last value read if the process has gone). */
    synchronized double peakMib() {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    lastPeakKib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            // gone: keep the last reading
        }
        return lastPeakKib / 1024.0;
    }

    @Override
    public void close() {
        peakMib();
    }
}
