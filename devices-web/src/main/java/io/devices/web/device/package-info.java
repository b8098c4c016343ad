/** The Devices endpoints: Get, Post, Export and Send Command. */
package io.devices.web.device;
