/** Authentication and authorization of every request, before its body is read. */
package io.devices.web.access;
