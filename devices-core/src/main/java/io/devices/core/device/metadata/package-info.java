/**
 * Fleet metadata: the tag keys, tag values, attribute names and device names of the devices a query
 * selects, each read by one small SQL class over the index tables ({@code device_tag}, {@code
 * device_attribute}) or the device rows.
 */
package io.devices.core.device.metadata;
