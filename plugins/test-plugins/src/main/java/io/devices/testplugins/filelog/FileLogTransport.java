package io.devices.testplugins.filelog;

import io.devices.spi.command.CommandMessage;
import io.devices.spi.command.CommandTransport;
import io.devices.spi.command.DeliveryOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A transport that appends one line per message, {@code <deviceId> TAB <message json>}, to the file
 * named by its setting {@code path} ({@code DEVICES_FILELOG_PATH}).
 */
public final class FileLogTransport implements CommandTransport {
  private Path file;

  @Override
  public String id() {
    return "filelog";
  }

  @Override
  public void start(Map<String, String> config) {
    file = Path.of(Objects.requireNonNull(config.get("path"), "path"));
  }

  @Override
  public synchronized List<DeliveryOutcome> deliver(List<CommandMessage> batch) throws IOException {
    StringBuilder lines = new StringBuilder();
    for (CommandMessage message : batch) {
      lines.append(message.deviceId()).append('\t').append(message.json()).append('\n');
    }
    Files.writeString(
        file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    return Collections.nCopies(batch.size(), DeliveryOutcome.delivered());
  }
}
