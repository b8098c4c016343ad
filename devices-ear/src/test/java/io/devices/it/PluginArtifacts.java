package io.devices.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Plugin jars built by the reactor, as a vendor ships them, which the build copies into {@code
 * it.plugin.jars}: the webhook transport and the test plugins of {@code plugins/test-plugins}, one
 * jar each. A test installs the ones its server needs, before the server's (next) start.
 */
enum PluginArtifacts {
  WEBHOOK_TRANSPORT("devices-webhook-transport.jar"),
  /** Format {@code slow}: sleeps {@code DEVICES_EXPORT_SLOW_MILLIS_PER_DEVICE} per device. */
  SLOW_FORMAT("devices-test-plugins-slow-format.jar"),
  /** Format {@code tsv}: a comment line, then id, name and tag count per device. */
  TSV_FORMAT("devices-test-plugins-tsv-format.jar"),
  /** Format {@code unlicensed}: its start throws "no licence". */
  UNLICENSED_FORMAT("devices-test-plugins-unlicensed-format.jar"),
  /** A services file naming a class the jar does not hold. */
  BROKEN("devices-test-plugins-broken.jar"),
  /** Transport {@code filelog}: appends "deviceId TAB message" lines to DEVICES_FILELOG_PATH. */
  FILELOG_TRANSPORT("devices-test-plugins-filelog-transport.jar"),
  /** Transport {@code slowlink}: three seconds per batch. */
  SLOWLINK_TRANSPORT("devices-test-plugins-slowlink-transport.jar");

  /** The class the {@link #BROKEN} jar's services file names. */
  static final String MISSING_CLASS = "io.devices.testplugins.missing.Nope";

  private final String file;

  PluginArtifacts(String file) {
    this.file = file;
  }

  /** Copies the jar into the server's plugins directory; it loads at the server's next start. */
  void installInto(LibertyServer server) {
    installInto(server.plugins());
  }

  /** Copies the jar into a plugins directory; a server reading it loads it at its next start. */
  void installInto(Path plugins) {
    Path jar = Path.of(ServerEnvironment.required("it.plugin.jars")).resolve(file);
    try {
      Files.copy(jar, plugins.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot install " + jar + " (built by the reactor?)", e);
    }
  }
}
