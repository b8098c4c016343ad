package io.devices.core.common;

import java.util.Optional;
import java.util.regex.Pattern;

/** How secrets look in anything printed: a log line, an exception message, a toString. */
public final class Secrets {
  /** Setting names whose values are secrets: passwords, keys, tokens and the like. */
  private static final Pattern SECRET_NAME =
      Pattern.compile("(?i).*(password|passwd|secret|token|key|credential).*");

  private Secrets() {}

  /** {@code ****} for a value that is set, {@code (none)} otherwise: never the value itself. */
  public static String masked(Optional<String> secret) {
    return secret.filter(s -> !s.isEmpty()).isPresent() ? "****" : "(none)";
  }

  public static boolean isSecretName(String settingName) {
    return SECRET_NAME.matcher(settingName).matches();
  }
}
