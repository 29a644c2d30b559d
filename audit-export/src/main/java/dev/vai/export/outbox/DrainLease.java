package dev.vai.export.outbox;

/**
 * Permission to drain the outbox. Only one instance drains at a time, so each token's records leave in order; when
 * the holder dies, another instance acquires it.
 */
public interface DrainLease extends AutoCloseable {

    /** True if this instance holds the lease now (acquiring it if it is free). */
    boolean holds();

    @Override
    void close();
}
