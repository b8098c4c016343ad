package io.devices.benchmark;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;

/** The load run's settings, from system properties ({@code bench.load.*}) with defaults. */
record LoadSettings(
    InetAddress host,
    int port,
    String token,
    int clients,
    int seconds,
    int warmupSeconds,
    long warmupRequests,
    long maxRequests,
    int devices,
    Path output) {

  LoadSettings {
    if (clients < 1 || clients > 500) {
      throw new IllegalArgumentException("bench.load.clients must be 1..500, not " + clients);
    }
    if (seconds < 1 || seconds > 3600 || warmupSeconds < 0 || warmupSeconds > 600) {
      throw new IllegalArgumentException("bench.load.seconds must be 1..3600, warm-up 0..600");
    }
    if (maxRequests < 1 || devices < 5) {
      throw new IllegalArgumentException("bench.load.maxRequests >= 1, bench.load.devices >= 5");
    }
  }

  static LoadSettings fromSystemProperties() throws UnknownHostException {
    return new LoadSettings(
        loopback(System.getProperty("bench.load.host", "127.0.0.1")),
        Integer.getInteger("bench.load.port", 9288),
        System.getProperty("it.owner.token"),
        Integer.getInteger("bench.load.clients", 50),
        Integer.getInteger("bench.load.seconds", 60),
        Integer.getInteger("bench.load.warmupSeconds", 15),
        Long.getLong("bench.load.warmupRequests", 10_000),
        Long.getLong("bench.load.maxRequests", 600_000),
        Integer.getInteger("bench.load.devices", 10_000),
        Path.of(System.getProperty("bench.load.output", "target/benchmarks/load.json")));
  }

  /** Refuses anything but a loopback address: the load never leaves the machine. */
  private static InetAddress loopback(String host) throws UnknownHostException {
    InetAddress address = InetAddress.getByName(host);
    if (!address.isLoopbackAddress()) {
      throw new IllegalArgumentException(
          "bench.load.host " + host + " is not a loopback address: the load stays on this machine");
    }
    return address;
  }
}
