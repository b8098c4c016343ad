/**
 * The HTTP edge: JAX-RS resources per feature, each parsing and validating its request, calling one
 * use case of the core and mapping the result to a wire record of {@code io.devices.api}. Errors
 * become {@code {"type","message"}} bodies in {@code error} alone.
 */
package io.devices.web;
