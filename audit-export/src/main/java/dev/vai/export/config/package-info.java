/** Wires the exporter: settings, the outbox writer's processing group, the lease by mode, the drainer, replay. */
package dev.vai.export.config;
