/** Wires the API: settings and derived keys, the filters in their order, the argument resolvers. */
package dev.vai.api.config;
