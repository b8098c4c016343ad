/**
 * The correlation id of each request ({@code X-Request-Id}): taken from the caller (a load balancer
 * or client) when well-formed, else generated; echoed in the response, carried by every JSON log
 * record written while the request runs ({@code ext_requestId}) and by the access log, and named in
 * the body of a 500.
 */
package io.devices.web.correlation;
