package io.devices.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A PKCS12 keystore made at test time by the JDK's keytool: a self-signed RSA key for localhost and
 * a random password. Nothing of it is in the repository.
 */
public final class TestKeystore {
  private static final String ALIAS = "devices";

  private final Path file;
  private final String password;

  private TestKeystore(Path file, String password) {
    this.file = file;
    this.password = password;
  }

  /** Generates the keystore in {@code directory}. */
  public static TestKeystore generate(Path directory) {
    byte[] random = new byte[18];
    new SecureRandom().nextBytes(random);
    String password = "ks-" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Path file = directory.resolve("devices-tls.p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    ProcessBuilder builder =
        new ProcessBuilder(
            keytool.toString(),
            "-genkeypair",
            "-alias",
            ALIAS,
            "-keyalg",
            "RSA",
            "-keysize",
            "2048",
            "-validity",
            "2",
            "-dname",
            "CN=localhost",
            "-ext",
            "SAN=dns:localhost,ip:127.0.0.1",
            "-storetype",
            "PKCS12",
            "-keystore",
            file.toString(),
            // :env keeps the password off the command line.
            "-storepass:env",
            "TEST_KEYSTORE_PASSWORD",
            "-keypass:env",
            "TEST_KEYSTORE_PASSWORD");
    builder.environment().put("TEST_KEYSTORE_PASSWORD", password);
    builder.redirectErrorStream(true);
    try {
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("keytool failed: " + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return new TestKeystore(file, password);
  }

  public Path file() {
    return file;
  }

  public String password() {
    return password;
  }

  /** A client context that trusts exactly this keystore's certificate. */
  public SSLContext trustingClientContext() {
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(in, password.toCharArray());
      KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
      trusted.load(null, null);
      trusted.setCertificateEntry(ALIAS, keys.getCertificate(ALIAS));
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), new SecureRandom());
      return context;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
