/**
 * A real Kafka broker (combined broker and controller, KRaft) inside the JVM, for dev mode and tests. Built on Kafka's
 * internal server API, isolated here so that nothing else depends on it.
 */
package dev.vai.devbroker;
