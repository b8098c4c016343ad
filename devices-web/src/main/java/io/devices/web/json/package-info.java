/** Reading request bodies as JSON, strictly: size limit, UTF-8, types and allowed fields. */
package io.devices.web.json;
