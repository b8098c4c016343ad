package io.devices.web.device;

import io.devices.core.command.CommandWindow;
import io.devices.core.common.DomainException;
import io.devices.core.device.SortDirection;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query of Get Command (a {@code @BeanParam}): numbers arrive as strings. */
public class CommandWindowParameters {
  private static final Pattern DIGITS = Pattern.compile("^\\d{1,18}$");

  @QueryParam("limit")
  @Parameter(
      description = "How many commands",
      schema =
          @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000", defaultValue = "1"))
  String limit;

  @QueryParam("sortDirection")
  @Parameter(
      description = "By command time",
      schema =
          @Schema(
              enumeration = {"asc", "desc"},
              defaultValue = "desc"))
  String sortDirection;

  @QueryParam("start")
  @Parameter(
      description = "Milliseconds since the epoch: the oldest command time",
      schema = @Schema(type = SchemaType.INTEGER))
  String start;

  @QueryParam("end")
  @Parameter(
      description = "Milliseconds since the epoch: the newest command time; 0 or absent is now",
      schema = @Schema(type = SchemaType.INTEGER))
  String end;

  @QueryParam("duration")
  @Parameter(
      description = "Milliseconds before end: the window's length when start is not given",
      schema = @Schema(type = SchemaType.INTEGER))
  String duration;

  @QueryParam("since")
  @Parameter(description = "The old name of start", schema = @Schema(type = SchemaType.INTEGER))
  String since;

  CommandWindow read(Instant now) {
    Long limitValue = number("limit", limit);
    if (limitValue != null && limitValue > CommandWindow.MAX_LIMIT) {
      throw DomainException.validation("limit must be between 1 and " + CommandWindow.MAX_LIMIT);
    }
    return CommandWindow.of(
        number("start", start),
        number("end", end),
        number("duration", duration),
        number("since", since),
        limitValue == null ? null : limitValue.intValue(),
        blank(sortDirection) ? null : SortDirection.parse(sortDirection),
        now);
  }

  private static Long number(String field, String value) {
    if (blank(value)) {
      return null;
    }
    if (!DIGITS.matcher(value).matches()) {
      throw DomainException.validation(field + " must be a non-negative integer");
    }
    return Long.parseLong(value);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
