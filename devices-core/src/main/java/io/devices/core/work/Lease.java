package io.devices.core.work;

import java.time.Instant;

/**
 * The claim a worker makes on units of work: a token unique to this claim (its server's node id
 * first, so a clean stop can release all of a server's claims) and when it expires unless renewed.
 */
public record Lease(String owner, Instant now, Instant until) {}
