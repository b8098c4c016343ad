package io.devices.web.openapi;

import io.devices.core.auth.Action;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * Writes into each operation's description the scopes that allow it, taken from the scope matrix
 * itself ({@link Action}), so the document can never disagree with what the server enforces.
 * Operations are matched by operationId: the action's name in lower camel case.
 */
public class ScopesFilter implements OASFilter {
  private static final Map<String, Action> ACTIONS =
      Arrays.stream(Action.values())
          .collect(Collectors.toMap(ScopesFilter::operationIdOf, Function.identity()));

  /** {@code DEVICES_SEND_COMMAND} becomes {@code devicesSendCommand}. */
  static String operationIdOf(Action action) {
    String[] words = action.name().toLowerCase(Locale.ROOT).split("_");
    StringBuilder id = new StringBuilder(words[0]);
    for (int i = 1; i < words.length; i++) {
      id.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
    }
    return id.toString();
  }

  @Override
  public Operation filterOperation(Operation operation) {
    Action action = ACTIONS.get(alias(operation.getOperationId()));
    if (action != null) {
      String scopes = String.join(", ", new TreeSet<>(action.allowingScopes()));
      String description =
          operation.getDescription() == null ? "" : operation.getDescription() + "\n\n";
      operation.setDescription(description + "Scopes, any one of which allows it: " + scopes + ".");
    }
    return operation;
  }

  /**
   * The operation ids of the token endpoints follow the platform's names; an export's status has
   * the scopes of Export.
   */
  private static String alias(String operationId) {
    if (operationId == null) {
      return "";
    }
    return operationId
        .replace("devicesExportStatus", "devicesExport")
        .replace("devicesCommandDeliveries", "devicesCommandStatus")
        .replace("applicationApiTokens", "tokens")
        .replace("applicationApiToken", "token");
  }
}
