package io.devices.api.client;

import io.devices.api.ExportPost;

/**
 * How an export is delivered and written; {@code null} leaves the server's default (the token's
 * user's email, no callback, {@code csv}, every device). Sent as the JSON body of the export.
 *
 * @param email where to email the download link
 * @param callbackUrl an http(s) URL that receives a POST with the outcome
 * @param format an installed export format's id, e.g. {@code csv} or {@code json}
 * @param query an advanced device query (a {@code Map} as JSON-B writes it): the devices to export
 */
public record ExportOptions(String email, String callbackUrl, String format, Object query) {
  public ExportOptions(String email, String callbackUrl, String format) {
    this(email, callbackUrl, format, null);
  }

  public static ExportOptions byEmail(String email) {
    return new ExportOptions(email, null, null);
  }

  public static ExportOptions byCallback(String callbackUrl) {
    return new ExportOptions(null, callbackUrl, null);
  }

  public ExportOptions withFormat(String format) {
    return new ExportOptions(email, callbackUrl, format, query);
  }

  public ExportOptions withQuery(Object query) {
    return new ExportOptions(email, callbackUrl, format, query);
  }

  /** The body of the export request. */
  public ExportPost body() {
    return new ExportPost(email, callbackUrl, query, format);
  }
}
