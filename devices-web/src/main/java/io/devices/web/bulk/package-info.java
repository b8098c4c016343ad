/** The progress of bulk device changes run as jobs (an extension of the Losant API). */
package io.devices.web.bulk;
