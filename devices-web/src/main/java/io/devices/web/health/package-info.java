/** MicroProfile Health checks. */
package io.devices.web.health;
