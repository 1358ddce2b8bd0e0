package dev.freshjar.launcher.serve;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How {@code freshjar serve} listens and what it allows.
 *
 * @param bind the address to listen on; any but loopback's {@code 127.0.0.1} and {@code ::1} needs
 *     a token
 * @param port the port, 0 for any free one
 * @param watch how often to check the modules for new versions in the background, if at all
 * @param tokenFile a file holding the bearer token every request must carry, if any
 * @param maxBody the largest request body accepted, in bytes
 * @param maxConcurrent how many requests may be in flight at once; more get 503
 * @param accessLog the access log's file, or empty for standard error
 * @param requestTimeout how long a rule may run before it is cancelled
 * @param idleTimeout how long a connection may go without a byte either way
 * @param grace how long requests in flight may take to finish once asked to stop
 */
public record ServeOptions(
    String bind,
    int port,
    Optional<Duration> watch,
    Optional<Path> tokenFile,
    long maxBody,
    int maxConcurrent,
    Optional<Path> accessLog,
    Duration requestTimeout,
    Duration idleTimeout,
    Duration grace) {}
