package io.devices.it;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * Sends a hand-made TLS ClientHello offering exactly one protocol version and reports what the
 * server answers first. Hand-made because the JDK's own client refuses to offer TLS 1.1 at all
 * (jdk.tls.disabledAlgorithms): with it, a test of the server's refusal could not fail.
 */
public final class TlsProbe {
  public static final int TLS_1_1 = 0x0302;
  public static final int TLS_1_2 = 0x0303;

  /** The server's first answer: a ServerHello and the version it chose, or an alert or close. */
  public record Answer(String kind, int version) {
    public boolean isServerHello() {
      return kind.equals("ServerHello");
    }
  }

  private TlsProbe() {}

  public static Answer hello(int port, int version) {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(20_000);
      socket.getOutputStream().write(clientHello(version));
      socket.getOutputStream().flush();
      DataInputStream in = new DataInputStream(socket.getInputStream());
      int contentType = in.readUnsignedByte();
      in.readUnsignedShort(); // record version
      in.readUnsignedShort(); // record length
      if (contentType == 0x15) {
        in.readUnsignedByte(); // level
        return new Answer("Alert " + in.readUnsignedByte(), 0);
      }
      int handshakeType = in.readUnsignedByte();
      in.readUnsignedByte();
      in.readUnsignedShort(); // handshake length
      int chosen = in.readUnsignedShort();
      return handshakeType == 2
          ? new Answer("ServerHello", chosen)
          : new Answer("record " + contentType + "/" + handshakeType, chosen);
    } catch (EOFException | SocketException e) {
      return new Answer("Closed (" + e + ")", 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] clientHello(int version) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    short16(body, version);
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    body.writeBytes(random);
    body.write(0); // no session id
    int[] suites = {0xC02F, 0xC030, 0xC013, 0xC014, 0x009C, 0x002F};
    short16(body, suites.length * 2);
    for (int suite : suites) {
      short16(body, suite);
    }
    body.write(1); // compression methods: null only
    body.write(0);
    byte[] extensions = extensions();
    short16(body, extensions.length);
    body.writeBytes(extensions);

    ByteArrayOutputStream handshake = new ByteArrayOutputStream();
    handshake.write(1); // ClientHello
    handshake.write(0);
    short16(handshake, body.size());
    handshake.writeBytes(body.toByteArray());

    ByteArrayOutputStream record = new ByteArrayOutputStream();
    record.write(0x16);
    short16(record, 0x0301);
    short16(record, handshake.size());
    record.writeBytes(handshake.toByteArray());
    return record.toByteArray();
  }

  private static byte[] extensions() {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] host = "localhost".getBytes(StandardCharsets.US_ASCII);
    extension(
        all, 0x0000, concat(short16(host.length + 3), new byte[] {0}, short16(host.length), host));
    extension(all, 0x000a, shorts(0x001d, 0x0017, 0x0018)); // supported groups
    extension(all, 0x000b, new byte[] {1, 0}); // EC point formats: uncompressed
    extension(all, 0x000d, shorts(0x0804, 0x0401, 0x0403, 0x0805, 0x0501)); // signature algs
    extension(all, 0x0017, new byte[0]); // extended master secret
    extension(all, 0xff01, new byte[] {0}); // renegotiation info
    return all.toByteArray();
  }

  private static void extension(ByteArrayOutputStream out, int type, byte[] data) {
    short16(out, type);
    short16(out, data.length);
    out.writeBytes(data);
  }

  /** A list of 16-bit values with its 16-bit byte length in front. */
  private static byte[] shorts(int... values) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    short16(out, values.length * 2);
    for (int value : values) {
      short16(out, value);
    }
    return out.toByteArray();
  }

  private static byte[] short16(int value) {
    return new byte[] {(byte) (value >> 8), (byte) value};
  }

  private static void short16(ByteArrayOutputStream out, int value) {
    out.writeBytes(short16(value));
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
