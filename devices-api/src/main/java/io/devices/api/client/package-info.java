/**
 * A typed Java client of the devices server over the records of {@link io.devices.api}: start with
 * {@link io.devices.api.client.DevicesClient#connect(java.net.URI, String)}. It is written against
 * the Jakarta REST client API ({@code jakarta.ws.rs.client}) with JSON-B, and brings no
 * implementation: the application adds one (for example RESTEasy's client with its JSON-B
 * provider). Every answer that is not 2xx becomes a {@link
 * io.devices.api.client.DevicesApiException}.
 *
 * <p>Requests are built as code, not as annotated proxy interfaces: the device list's tag filters
 * travel as dynamic query names ({@code tagFilter[0][key]}), which an interface cannot declare, and
 * an annotated {@code @Path} interface would be picked up as an endpoint by the server's own
 * scanning, since this module ships inside the server too.
 */
package io.devices.api.client;
