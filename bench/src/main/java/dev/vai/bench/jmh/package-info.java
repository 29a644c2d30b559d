/** JMH benchmarks of the in-process hot paths: token generation, format and checksum, hashing, cursors. */
package dev.vai.bench.jmh;
