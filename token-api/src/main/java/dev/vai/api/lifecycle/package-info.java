/**
 * Issuing and revoking on behalf of the endpoints: mints the plaintext, sends the aggregate's commands with the
 * request context as metadata, retries write conflicts, walks revoke-all in bounded batches, revokes what an API key
 * created with it (lineage), and holds the issuing policy: lifetimes and the limit of active keys per owner.
 */
package dev.vai.api.lifecycle;
