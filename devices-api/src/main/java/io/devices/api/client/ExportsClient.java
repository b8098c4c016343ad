package io.devices.api.client;

import io.devices.api.ExportStatus;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The export jobs of one application, and the files they produce. */
public final class ExportsClient {
  private static final Pattern FILE_NAME = Pattern.compile("filename=\"([^\"]*)\"");

  private final Endpoint endpoint;
  private final String path;

  ExportsClient(Endpoint endpoint, String applicationId) {
    this.endpoint = endpoint;
    this.path = "/applications/" + Endpoint.segment(applicationId) + "/devices/exports";
  }

  /** The job's state, device count, error, deliveries and, once succeeded, its download link. */
  public ExportStatus status(String exportId) {
    return endpoint.get(path + "/" + Endpoint.segment(exportId), ExportStatus.class);
  }

  /**
   * Downloads the file of a signed link ({@link ExportStatus#url()}, or the link of the email or
   * callback). The signature is the authorization: no token is sent.
   */
  public ExportFile download(String signedUrl) {
    return endpoint.fetch(URI.create(signedUrl), ExportsClient::file);
  }

  private static ExportFile file(Response response) {
    String disposition = response.getHeaderString("Content-Disposition");
    Matcher name = FILE_NAME.matcher(disposition == null ? "" : disposition);
    return new ExportFile(
        response.getHeaderString(HttpHeaders.CONTENT_TYPE),
        name.find() ? name.group(1) : null,
        response.readEntity(byte[].class));
  }
}
