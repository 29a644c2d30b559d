/**
 * The audit stream: every issued and revoked token, exported to Kafka as a CloudEvent, in order per token, never
 * lost. This package holds the settings and metrics the parts share; {@code record} builds the CloudEvents,
 * {@code outbox} keeps them in the event's own transaction and drains them, {@code kafka} publishes and tails,
 * {@code replay} re-exports history.
 */
package dev.vai.export;
