/**
 * Command transports: how a command reaches a device. The server keeps one delivery row per device
 * and hands due deliveries to the device's transport in batches; the transport says, per item,
 * whether it was delivered, should be retried later, or failed for good.
 */
package io.devices.spi.command;
