package io.devices.core.export;

import io.devices.core.common.DomainException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** Checks email addresses: one plain address ({@code local@domain}), no display name. */
public final class EmailAddresses {
  private static final int MAX_LENGTH = 254;

  private EmailAddresses() {}

  /**
   * @throws DomainException VALIDATION when {@code email} is not one valid address
   */
  public static String require(String email) {
    String trimmed = email.strip();
    if (trimmed.length() > MAX_LENGTH) {
      throw DomainException.validation("email must be at most " + MAX_LENGTH + " characters");
    }
    try {
      InternetAddress address = new InternetAddress(trimmed, true);
      address.validate();
      String domain = trimmed.substring(trimmed.lastIndexOf('@') + 1);
      if (!address.getAddress().equals(trimmed)
          || address.getPersonal() != null
          || domain.isEmpty()
          || domain.startsWith("[")) {
        throw new AddressException("not a plain address");
      }
    } catch (AddressException e) {
      throw DomainException.validation("email must be a valid email address");
    }
    return trimmed;
  }
}
