/** Re-export: history read back from the event store into the outbox, for a new SIEM or a lost topic. */
package dev.vai.export.replay;
