/**
 * The one place where errors become HTTP responses: every failure, from the domain, JAX-RS or the
 * servlet container, is answered with {@code {"type","message"}} and its status.
 */
package io.devices.web.error;
