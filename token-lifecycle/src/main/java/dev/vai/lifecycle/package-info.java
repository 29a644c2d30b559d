/**
 * The application service, called by the HTTP layer, the internal API and dev mode: issuing and revoking through the
 * aggregate's commands (the request context as metadata), write conflicts retried, revoke-all in bounded batches
 * appended as set-based work ({@code SetBasedRevocation}), revocation of what an API key created with it (lineage),
 * and the issuing policy: lifetimes and the limit of active keys per owner. Knows nothing of HTTP; the only place
 * that sends the aggregate's commands.
 */
package dev.vai.lifecycle;
