/** Export of devices: the request, the job's status and the signed download link. */
package io.devices.web.export;
