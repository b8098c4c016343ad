package io.devices.core.export;

import java.util.Optional;

/**
 * What a client asked to export and where to deliver it, as given (validated by {@link
 * ExportRequests}).
 *
 * @param baseUrl the server's base URL as the request reached it, for download links
 */
public record ExportRequest(
    String applicationId,
    Optional<String> email,
    Optional<String> callbackUrl,
    Optional<String> format,
    String baseUrl) {}
