/**
 * MQTT for tests: an embedded broker (Moquette) that can play an outage, and a subscriber that sees
 * what the devices see.
 */
package io.devices.testsupport.mqtt;
