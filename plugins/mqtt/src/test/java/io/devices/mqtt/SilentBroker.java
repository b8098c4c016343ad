package io.devices.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Accepts MQTT connections and answers CONNECT with CONNACK, then never acknowledges anything: the
 * broker that takes publishes and never says PUBACK.
 */
final class SilentBroker implements AutoCloseable {
  private final ServerSocket server;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  SilentBroker() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::accept, "silent-broker");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String url() {
    return "tcp://127.0.0.1:" + server.getLocalPort();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        sockets.add(socket);
        Thread reader = new Thread(() -> serve(socket), "silent-broker-connection");
        reader.setDaemon(true);
        reader.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private static void serve(Socket socket) {
    try (socket) {
      InputStream in = socket.getInputStream();
      int type = in.read(); // CONNECT
      if (type != 0x10) {
        return;
      }
      in.skipNBytes(remainingLength(in));
      socket.getOutputStream().write(new byte[] {0x20, 0x02, 0x00, 0x00}); // CONNACK accepted
      socket.getOutputStream().flush();
      byte[] sink = new byte[8192];
      while (in.read(sink) >= 0) {
        // swallow publishes and pings
      }
    } catch (IOException e) {
      // connection closed
    }
  }

  private static int remainingLength(InputStream in) throws IOException {
    int value = 0;
    int multiplier = 1;
    int digit;
    do {
      digit = in.read();
      if (digit < 0) {
        throw new IOException("end of stream");
      }
      value += (digit & 0x7F) * multiplier;
      multiplier *= 128;
    } while ((digit & 0x80) != 0);
    return value;
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : sockets) {
      socket.close();
    }
  }
}
