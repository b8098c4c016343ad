/**
 * Vendor-style plugins of the integration tests, one package (and one jar) per plugin, built
 * against the SPI alone like any vendor's.
 */
package io.devices.testplugins;
