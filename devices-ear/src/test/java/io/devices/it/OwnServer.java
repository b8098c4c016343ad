package io.devices.it;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * A JUnit extension for a test class that runs a {@link LibertyServer} of its own: before the
 * class's tests it creates the server afresh (a new database too) on its ports, with its {@link
 * ServerEnvironment}, and starts it; when a test or a set-up step fails it prints the end of the
 * server's messages.log; after the tests (also failed ones) it stops the server, killing it when a
 * stop does not work, and fails if it still runs.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final OwnServer own =
 *     OwnServer.named("devicesRestartIT").environment(() -> ServerEnvironment.owner().set(...));
 * ... own.server().baseUrl() ...
 * }</pre>
 *
 * <p>Ports: HTTP {@code it.restart.http.port + 2 × slot}, HTTPS the next one; classes that run
 * several servers, or one that may still be releasing its ports, use other slots.
 */
public final class OwnServer
    implements BeforeAllCallback,
        AfterAllCallback,
        TestExecutionExceptionHandler,
        LifecycleMethodExecutionExceptionHandler {
  private static final int LOG_LINES_ON_FAILURE = 150;

  private final String name;
  private int slot;
  private Supplier<ServerEnvironment> environment = ServerEnvironment::owner;
  private Consumer<LibertyServer> beforeStart = server -> {};
  private boolean startedByTheExtension = true;
  private LibertyServer server;

  private OwnServer(String name) {
    this.name = name;
  }

  /** A server of this name (a directory under {@code wlp.home}/usr/servers) on slot 0. */
  public static OwnServer named(String name) {
    return new OwnServer(name);
  }

  /** The HTTP port of a slot, {@code it.restart.http.port + 2 × slot}; HTTPS is the next one. */
  static int httpPort(int slot) {
    return Integer.parseInt(ServerEnvironment.required("it.restart.http.port")) + 2 * slot;
  }

  /** Ports {@code it.restart.http.port + 2 × slot} (HTTP) and the next one (HTTPS). */
  public OwnServer slot(int slot) {
    this.slot = slot;
    return this;
  }

  /** The server's environment, built when the class's tests start ({@link ServerEnvironment}). */
  public OwnServer environment(Supplier<ServerEnvironment> environment) {
    this.environment = environment;
    return this;
  }

  /** A step between creating the server directory and starting it: plugins, config overrides. */
  public OwnServer beforeStart(Consumer<LibertyServer> step) {
    this.beforeStart = step;
    return this;
  }

  /** Creates the server but leaves its (first) start to the test class. */
  public OwnServer startedByTheTest() {
    this.startedByTheExtension = false;
    return this;
  }

  /** The server, once the class's tests started. */
  public LibertyServer server() {
    if (server == null) {
      throw new IllegalStateException("server " + name + " exists only while the class runs");
    }
    return server;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    int port = httpPort(slot);
    server =
        new LibertyServer(
            Path.of(ServerEnvironment.required("wlp.home")),
            name,
            port,
            port + 1,
            environment.get().toMap());
    server.create();
    beforeStart.accept(server);
    if (startedByTheExtension) {
      server.start();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (server != null) {
      server.close();
      assertFalse(server.isRunning(), "server " + name + " still running");
    }
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    printLog(context);
    throw failure;
  }

  @Override
  public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    printLog(context);
    throw failure;
  }

  @Override
  public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    printLog(context);
    throw failure;
  }

  @Override
  public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    printLog(context);
    throw failure;
  }

  @Override
  public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    printLog(context);
    throw failure;
  }

  /** The end of messages.log, on the console where the failure is reported. */
  private void printLog(ExtensionContext context) {
    if (server == null) {
      return;
    }
    System.err.println(
        "---- "
            + context.getDisplayName()
            + " failed; the last "
            + LOG_LINES_ON_FAILURE
            + " lines of "
            + server.messagesLog()
            + " ----\n"
            + server.logTail(LOG_LINES_ON_FAILURE)
            + "\n---- end of "
            + server.messagesLog()
            + " ----");
  }
}
