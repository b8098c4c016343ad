package io.devices.core.export;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

/**
 * Download links that cannot be guessed: {@code /exports/{exportId}?signature=...} (in the query,
 * which the access log leaves out, so that the logs hold no working link), the signature an
 * HMAC-SHA256 of the export id (256 bits). The key is {@code devices.export.signing-key} or, when
 * that is not set, a random key kept in the database so every server sharing it agrees.
 */
@ApplicationScoped
public class DownloadLinks {
  private static final String KEY_NAME = "export-link-key";
  private static final String HMAC = "HmacSHA256";

  @Inject ExportSettings settings;

  @Resource(lookup = "jdbc/devices")
  DataSource dataSource;

  private volatile byte[] key;

  /** The absolute download URL of an export. */
  String url(String baseUrl, String exportId) {
    return baseUrl + "/exports/" + exportId + "?signature=" + signature(exportId);
  }

  /** Whether {@code signature} is the one of this export, compared in constant time. */
  boolean verify(String exportId, String signature) {
    return MessageDigest.isEqual(
        signature(exportId).getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII));
  }

  private String signature(String exportId) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(key(), HMAC));
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(mac.doFinal(exportId.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  private byte[] key() {
    byte[] current = key;
    if (current == null) {
      current =
          settings
              .signingKey()
              .map(k -> Base64.getDecoder().decode(k.trim()))
              .orElseGet(this::sharedKey);
      key = current;
    }
    return current;
  }

  /** The key in the database, created by whichever server needs it first. */
  private byte[] sharedKey() {
    try (Connection connection = dataSource.getConnection()) {
      String stored = read(connection);
      if (stored == null) {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        try (PreparedStatement insert =
            connection.prepareStatement("INSERT INTO server_secret (name, secret) VALUES (?, ?)")) {
          insert.setString(1, KEY_NAME);
          insert.setString(2, Base64.getEncoder().encodeToString(fresh));
          insert.executeUpdate();
        } catch (SQLException raced) {
          // Another server stored its key first: use that one.
        }
        stored = read(connection);
      }
      return Base64.getDecoder().decode(stored);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the link signing key", e);
    }
  }

  private static String read(Connection connection) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT secret FROM server_secret WHERE name = ?")) {
      select.setString(1, KEY_NAME);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? row.getString(1) : null;
      }
    }
  }
}
