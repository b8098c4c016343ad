/**
 * The built-in {@code mqtt} command transport: {@link io.devices.core.command.mqtt.MqttTransport}
 * publishes each command at QoS 1 to {@code losant/<deviceId>/command} with Eclipse Paho and
 * reports it delivered on the broker's PUBACK. The server's database outbox is the durable store:
 * the client keeps nothing on disk, connects in the background and reconnects by itself.
 */
package io.devices.core.command.mqtt;
