/**
 * Reading request bodies into the wire records, strictly: UTF-8, no hostile shapes, the records'
 * fields only, each of its JSON type.
 */
package io.devices.web.json;
