/**
 * The application's MicroProfile Metrics (served by Liberty on {@code /metrics}, Prometheus text):
 * commands queued, delivered and failed; pending deliveries; export jobs by state; the work
 * engine's runs, failures and busy workers per kind of work; plugins that failed to load. Only this
 * package sees the Metrics API: the features publish what happened as CDI events or plain queries,
 * and these beans turn that into meters. docs/operations.md lists what to watch.
 */
package io.devices.core.metrics;
