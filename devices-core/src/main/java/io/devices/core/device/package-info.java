/**
 * Devices: the device aggregate with its tags and attributes, the rules a new device must meet, and
 * the device list query (sorting, paging, name globs, tag filters).
 */
package io.devices.core.device;
