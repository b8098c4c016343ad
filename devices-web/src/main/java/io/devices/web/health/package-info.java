/**
 * MicroProfile Health checks: liveness ({@code /health/live}: the background workers, nothing
 * outside the JVM) and readiness ({@code /health/ready}: the database and the export directory; the
 * command transports' connections as data only). docs/operations.md says what each means.
 */
package io.devices.web.health;
