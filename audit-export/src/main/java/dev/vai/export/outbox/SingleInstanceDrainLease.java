package dev.vai.export.outbox;

/** Dev mode: one instance on its own H2 file, which nothing else can open, so it always drains. */
public class SingleInstanceDrainLease implements DrainLease {

    @Override
    public boolean holds() {
        return true;
    }

    @Override
    public void close() {
    }
}
