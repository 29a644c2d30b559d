/**
 * The outbox: each audit record is written in the same transaction as its event (so it exists exactly when the event
 * does), then published in id order and deleted only after the broker has acknowledged it. One instance drains at a
 * time (a lease); the rest take over when it dies.
 */
package dev.vai.export.outbox;
