package io.devices.web.error;

import io.devices.api.ErrorBody;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The error page of the servlet container (see web.xml): errors raised before or outside JAX-RS,
 * such as a malformed URL, get the same JSON body instead of an HTML page.
 */
@WebServlet("/_error")
public class ErrorServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Jsonb JSONB = JsonbBuilder.create();

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    int status = code instanceof Integer i && i >= 400 ? i : failure == null ? 404 : 500;
    // A 4xx the container chose (a malformed URI, say) stays a 4xx, with or without an exception.
    String message =
        status >= 500
            ? ErrorResponses.logUnexpected(failure)
            : "The request could not be served (HTTP " + status + ")";
    response.setStatus(status);
    response.setContentType(ErrorResponses.JSON.toString());
    response.getWriter().write(JSONB.toJson(new ErrorBody(ErrorResponses.typeOf(status), message)));
  }
}
