package io.devices.api.client;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How an export is delivered and written; {@code null} leaves the server's default (the token's
 * user's email, no callback, {@code csv}).
 *
 * @param email where to email the download link
 * @param callbackUrl an http(s) URL that receives a POST with the outcome
 * @param format an installed export format's id, e.g. {@code csv} or {@code json}
 */
public record ExportOptions(String email, String callbackUrl, String format) {
  public static ExportOptions byEmail(String email) {
    return new ExportOptions(email, null, null);
  }

  public static ExportOptions byCallback(String callbackUrl) {
    return new ExportOptions(null, callbackUrl, null);
  }

  public ExportOptions withFormat(String format) {
    return new ExportOptions(email, callbackUrl, format);
  }

  /** The query parameters of the export request. */
  public Map<String, String> parameters() {
    Map<String, String> query = new LinkedHashMap<>();
    if (email != null) {
      query.put("email", email);
    }
    if (callbackUrl != null) {
      query.put("callbackUrl", callbackUrl);
    }
    if (format != null) {
      query.put("format", format);
    }
    return query;
  }
}
