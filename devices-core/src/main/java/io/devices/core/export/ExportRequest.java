package io.devices.core.export;

import jakarta.json.JsonValue;
import java.util.Optional;

/**
 * What a client asked to export and where to deliver it, as given (validated by {@link
 * ExportRequests}).
 *
 * @param query the advanced device query selecting the exported devices (JSON, read with {@link
 *     io.devices.core.device.query.QueryReader}); every device without one
 * @param baseUrl the server's base URL as the request reached it, for download links
 */
public record ExportRequest(
    String applicationId,
    Optional<String> email,
    Optional<String> callbackUrl,
    Optional<String> format,
    Optional<JsonValue> query,
    String baseUrl) {}
