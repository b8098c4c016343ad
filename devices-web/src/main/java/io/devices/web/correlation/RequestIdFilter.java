package io.devices.web.correlation;

import com.ibm.websphere.logging.hpel.LogRecordContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Gives every request its id before anything else runs, echoes it in the {@code X-Request-Id}
 * response header (which the access log records) and adds it to every log record the request's
 * thread writes: Liberty's {@link LogRecordContext} extensions become fields of JSON log records,
 * prefixed {@code ext_} ({@code ext_requestId}). The error page dispatch keeps the id of its
 * request.
 */
@WebFilter(
    urlPatterns = "/*",
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class RequestIdFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  private static final String ATTRIBUTE = RequestIdFilter.class.getName();
  static final String LOG_FIELD = "requestId";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String id =
        request.getAttribute(ATTRIBUTE) instanceof String known
            ? known
            : RequestIds.acceptOrGenerate(request.getHeader(RequestIds.HEADER));
    request.setAttribute(ATTRIBUTE, id);
    response.setHeader(RequestIds.HEADER, id);
    String previous = RequestIds.enter(id);
    LogRecordContext.addExtension(LOG_FIELD, id);
    try {
      chain.doFilter(request, response);
    } finally {
      RequestIds.leave(previous);
      if (previous == null) {
        LogRecordContext.removeExtension(LOG_FIELD);
      } else {
        LogRecordContext.addExtension(LOG_FIELD, previous);
      }
    }
  }
}
