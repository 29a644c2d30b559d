/**
 * The benchmark suite. It runs the jar that ships ({@code token-app.jar}) in production mode (PostgreSQL, an external
 * broker) on loopback, measures each hot path beside a baseline taken in the same run, prints a table and writes it,
 * with the machine, to {@code bench/RESULTS.md}.
 */
package dev.vai.bench;
