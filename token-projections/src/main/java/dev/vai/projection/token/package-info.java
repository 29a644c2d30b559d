/**
 * The token read model, built from the AccessToken events by a subscribing processor in the same transaction as the
 * event append: credentials (with their scopes, as the catalog counts them) for authentication, pages for the
 * listing, the lineage and the count of active keys for issuing and revoking, usage times. The JPA entity and its
 * queries stay package-private; other modules use {@link dev.vai.projection.token.TokenQueries},
 * {@link dev.vai.projection.token.CredentialLookup} and {@link dev.vai.projection.token.UsageRecorder}.
 */
package dev.vai.projection.token;
