/** The application API token endpoints. */
package io.devices.web.token;
