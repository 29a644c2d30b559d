/**
 * Issuing and revoking on behalf of the endpoints: mints the plaintext, sends the aggregate's commands with the
 * request context as metadata, retries write conflicts, and walks revoke-all in bounded batches.
 */
package dev.vai.api.lifecycle;
