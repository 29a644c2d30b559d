/**
 * Who is calling: the token from {@code Authorization: Bearer}, {@code X-API-Key} or the {@code vai_token} cookie,
 * checked with one hash and one indexed lookup and no cache; and the admin key of the internal API.
 */
package dev.vai.api.auth;
