/**
 * The token format (public, so that secret scanners can match it), generation from {@code SecureRandom}, the
 * checksum that refuses a mistyped token without any I/O, and the one-way hash that is all we store.
 */
package dev.vai.token.secret;
