/**
 * Who is calling and what they may do: the token from {@code Authorization: Bearer}, {@code X-API-Key} or the
 * {@code vai_token} cookie, checked with one hash and one indexed lookup and no cache, its scopes with it; the scope
 * check and its RFC 6750 challenge; and the admin key of the internal API.
 */
package dev.vai.api.auth;
