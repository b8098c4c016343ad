/** Pieces every feature shares: ids, the domain error, string rules, time. */
package io.devices.core.common;
