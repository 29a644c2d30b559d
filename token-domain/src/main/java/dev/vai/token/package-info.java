/**
 * The AccessToken aggregate: the commands that issue and revoke a token, the events they record, and the
 * value objects whose invariants they rely on.
 */
package dev.vai.token;
