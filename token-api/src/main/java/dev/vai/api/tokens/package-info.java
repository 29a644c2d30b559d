/**
 * The reference API's five endpoints under {@code /api/v1/access-tokens}, their JSON shapes and the signed cursor,
 * and the read of one token, whose route and rule it owns for the controller and the fast path alike.
 */
package dev.vai.api.tokens;
