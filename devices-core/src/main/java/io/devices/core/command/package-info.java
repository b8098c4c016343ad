/**
 * Send Command: a command and one delivery row per targeted device (a durable outbox) recorded by
 * the request, then delivered in the background through each device's pluggable transport with
 * retries until the command's time to live has passed.
 */
package io.devices.core.command;
