/** Kafka: the producer that waits for the broker's acknowledgement, the topic, and the tail command. */
package dev.vai.export.kafka;
