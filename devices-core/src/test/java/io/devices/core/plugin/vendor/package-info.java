/**
 * Vendors' plugins for the plugin tests: packed into jars of a test's plugins directory and hidden
 * from the application's class loader there (see {@code PluginJars}).
 */
package io.devices.core.plugin.vendor;
