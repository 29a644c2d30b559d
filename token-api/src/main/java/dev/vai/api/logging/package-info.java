/** The request log: one line per request, with the route template and how authentication ended; never a secret. */
package dev.vai.api.logging;
