/**
 * The AccessToken aggregate: the commands that issue and revoke a token, the events they record, and the
 * value objects whose invariants they rely on, scopes and the issuer's authority among them.
 */
package dev.vai.token;
