package io.devices.web.device;

import io.devices.core.common.DomainException;
import io.devices.core.device.Device;
import jakarta.ws.rs.core.EntityTag;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A device's {@code ETag} (its version, which every update changes) and the version an {@code
 * If-Match} expects. A strong tag only: a weak one never matches (RFC 9110's strong comparison).
 */
final class EntityTags {
  private static final Pattern STRONG = Pattern.compile("^\"(\\d{1,18})\"$");

  /** A version no device has: what a tag that cannot match stands for. */
  private static final long NO_VERSION = -1;

  private EntityTags() {}

  static EntityTag of(Device device) {
    return of(device.version());
  }

  static EntityTag of(long version) {
    return new EntityTag(Long.toString(version));
  }

  /**
   * The version {@code If-Match} asks for; empty without the header or for {@code *} (any current
   * device).
   *
   * @throws DomainException VALIDATION for a list of several tags
   */
  static OptionalLong expected(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
      return OptionalLong.empty();
    }
    String tag = ifMatch.trim();
    if (tag.contains(",")) {
      throw DomainException.validation("If-Match must hold one entity tag");
    }
    Matcher strong = STRONG.matcher(tag);
    return OptionalLong.of(strong.matches() ? Long.parseLong(strong.group(1)) : NO_VERSION);
  }
}
