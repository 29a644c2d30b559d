/** Builds the audit records: one CloudEvent (structured JSON) per issued or revoked token, from the event alone. */
package dev.vai.export.record;
