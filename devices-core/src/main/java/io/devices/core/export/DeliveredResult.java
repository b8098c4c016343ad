package io.devices.core.export;

/**
 * What the delivery of a finished job's result says: the email's subject and text, and the JSON
 * body POSTed to a callback. One shape for every kind of job that reports by email and callback.
 */
public record DeliveredResult(String subject, String text, String callbackJson) {}
