package io.devices.core.work;

import java.time.Duration;
import java.time.Instant;

/**
 * One kind of durable background work (exports, their deliveries, command deliveries, bulk device
 * jobs, purges). The work is rows in the database first; a kind knows how to claim one due unit of
 * it with a lease, do it and record the outcome. The {@link WorkEngine} does the rest, once for
 * every kind: when to run (after the commit that queued work, and at every poll), how many at once,
 * the backoff after a failure, the metrics, and the clean stop.
 *
 * <p>Implementations are {@code @ApplicationScoped} CDI beans; the engine finds them all.
 */
public interface WorkKind {
  /** A short stable name, used in logs, metrics and {@link WorkQueued}: e.g. {@code export}. */
  String name();

  /** At most this many units of this kind run at once on this server. */
  int workers();

  /** How often the engine looks for due work that no commit announced (retries, crashed leases). */
  Duration pollInterval();

  /**
   * How long a claim lasts unless the kind renews it: the {@link Lease#until()} of each call to
   * {@link #runOne}. A crashed server's units become claimable again after it.
   */
  default Duration leaseLength() {
    return Duration.ofMinutes(2);
  }

  /**
   * Claims one due unit for {@code lease}, does it and records the outcome; called repeatedly by a
   * worker until it returns false. A worker keeps its {@link Lease#owner()} across calls; each call
   * gets a fresh {@link Lease#now()} and {@link Lease#until()}. A unit that fails records its own
   * retry (with the engine's {@link Backoff}); an exception leaves the claim to expire and stops
   * this worker until the next poll.
   *
   * @return false when nothing was due
   */
  boolean runOne(Lease lease) throws Exception;

  /**
   * A clean stop: gives back whatever {@code node} still holds, so that another server (or this one
   * after a restart) need not wait for leases to expire. Called once the workers have returned or
   * the grace period has passed; plain JDBC, as the persistence unit may already be closed.
   *
   * @return the units released
   */
  int releaseAllOf(String node, Instant now) throws Exception;

  /** Asks units in progress to end at their next step, at the start of a clean stop. */
  default void stopping() {}
}
