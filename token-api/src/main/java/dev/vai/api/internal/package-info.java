/**
 * The internal API for the platform's login service and other services (same process, {@code X-Admin-Key}): mint
 * sessions, revoke as admin, deprovision a user, introspect a token.
 */
package dev.vai.api.internal;
