/** Applications: the tenants that own devices and API tokens. */
package io.devices.core.application;
