/** The reference API's five endpoints under {@code /api/v1/access-tokens}, their JSON shapes and the signed cursor. */
package dev.vai.api.tokens;
