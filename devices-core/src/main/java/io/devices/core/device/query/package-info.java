/**
 * The advanced device query: one immutable tree ({@link io.devices.core.device.query.DeviceQuery})
 * that every selection of devices goes through — listing, counting, exports, command targets and
 * the fleet metadata — read from its JSON form by {@link io.devices.core.device.query.QueryReader},
 * evaluated in memory by {@code matches} and compiled to portable SQL by {@link
 * io.devices.core.device.query.QuerySql}. The two must agree; a property test holds them to it.
 */
package io.devices.core.device.query;
