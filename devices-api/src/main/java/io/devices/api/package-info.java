/**
 * The wire contract of the devices server: the JSON bodies it accepts and returns, as records whose
 * component names are the JSON field names. A Java client of the server depends on this package
 * alone.
 */
package io.devices.api;
