/** Additions to the generated OpenAPI document. */
package io.devices.web.openapi;
