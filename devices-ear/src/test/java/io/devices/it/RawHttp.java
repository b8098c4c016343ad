package io.devices.it;

/**
 * The socket calls of {@link Api} under their former names, kept only for {@code RobustnessIT}
 * until it calls {@link Api#socket(byte[])} and {@link Api#chunked(byte[])} itself; then delete
 * this class.
 */
final class RawHttp {
  private RawHttp() {}

  /** The status line's code (0 when nothing parseable came back) and the response. */
  record Response(int status, ApiResponse response) {
    String body() {
      return response.body();
    }

    String header(String name) {
      return response.header(name);
    }
  }

  static Response send(byte[] request) {
    ApiResponse response = Api.owner().socket(request);
    return new Response(response.status(), response);
  }

  static byte[] chunked(byte[] body) {
    return Api.chunked(body);
  }
}
