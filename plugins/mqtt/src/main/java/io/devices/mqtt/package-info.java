/**
 * The built-in {@code mqtt} command transport: {@link io.devices.mqtt.MqttTransport} publishes each
 * command at QoS 1 to {@code losant/<deviceId>/command} with Eclipse Paho and reports it delivered
 * on the broker's PUBACK, built on the SPI and Paho alone like a vendor's plugin. Its parts: {@link
 * io.devices.mqtt.MqttSettings} (the settings, checked at start), {@link
 * io.devices.mqtt.MqttConnection} (connecting and reconnecting), {@link
 * io.devices.mqtt.InFlightWindow} (room in the client's in-flight window) and {@link
 * io.devices.mqtt.PublishedBatch} (one batch's PUBACKs). The server's database outbox is the
 * durable store: the client keeps nothing on disk.
 */
package io.devices.mqtt;
