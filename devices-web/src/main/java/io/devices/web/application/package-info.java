/** The applications endpoints. */
package io.devices.web.application;
