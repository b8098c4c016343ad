package io.devices.core.common;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Ids in the platform's ObjectId style: 24 lower-case hex characters made of a 4-byte seconds
 * timestamp, 5 random bytes chosen once per process and a 3-byte counter. Ids made later sort after
 * ids made earlier (to the second), and two processes practically never collide.
 */
public final class ObjectIds {
  /** What a given id must look like (any case; ids are stored lower-case). */
  public static final Pattern WELL_FORMED = Pattern.compile("^[A-Fa-f0-9]{24}$");

  private static final byte[] PROCESS_UNIQUE = new byte[5];
  private static final AtomicInteger COUNTER;

  static {
    SecureRandom random = new SecureRandom();
    random.nextBytes(PROCESS_UNIQUE);
    COUNTER = new AtomicInteger(random.nextInt());
  }

  private ObjectIds() {}

  /** A new id whose timestamp part is {@code now}. */
  public static String next(Instant now) {
    byte[] bytes = new byte[12];
    int seconds = (int) now.getEpochSecond();
    bytes[0] = (byte) (seconds >>> 24);
    bytes[1] = (byte) (seconds >>> 16);
    bytes[2] = (byte) (seconds >>> 8);
    bytes[3] = (byte) seconds;
    System.arraycopy(PROCESS_UNIQUE, 0, bytes, 4, 5);
    int count = COUNTER.getAndIncrement();
    bytes[9] = (byte) (count >>> 16);
    bytes[10] = (byte) (count >>> 8);
    bytes[11] = (byte) count;
    return HexFormat.of().formatHex(bytes);
  }

  public static boolean isWellFormed(String id) {
    return id != null && WELL_FORMED.matcher(id).matches();
  }

  /**
   * The id in its canonical lower-case form.
   *
   * @throws DomainException VALIDATION naming {@code field} when the id is not 24 hex characters
   */
  public static String require(String field, String id) {
    if (!isWellFormed(id)) {
      throw DomainException.validation(field + " must be a 24 character hex id");
    }
    return id.toLowerCase(Locale.ROOT);
  }
}
