/**
 * Assembles the modules into the service: the main class, the choice between dev and production mode, Axon's
 * configuration (event store on the application's database, its own serializer), and dev mode's credentials file.
 */
package dev.vai.app;
