/** Send Command: the request body, and the progress of sent commands. */
package io.devices.web.command;
