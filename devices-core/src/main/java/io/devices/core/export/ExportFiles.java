package io.devices.core.export;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The export directory. A file is written under a temporary name, synced, and moved into place only
 * when complete, so a download never sees half a file and a crash leaves only a temporary file
 * behind.
 */
@ApplicationScoped
public class ExportFiles {
  private static final Logger LOG = Logger.getLogger(ExportFiles.class.getName());
  private static final String PARTIAL = ".part";

  /** {exportId}.{extension}.attempt{N}.part */
  private static final Pattern PARTIAL_NAME =
      Pattern.compile("([0-9a-f]{24})\\.[^/]*\\.attempt([0-9]{1,9})\\.part");

  @Inject ExportSettings settings;

  /** The final name of an export's file. */
  static String fileName(String exportId, String extension) {
    return exportId + "." + extension;
  }

  /** A file being written: write to {@link #out()}, then {@link #publish()} or {@link #close()}. */
  public final class Draft implements AutoCloseable {
    private final Path partial;
    private final Path target;
    private final FileChannel channel;
    private final OutputStream out;
    private boolean published;

    Draft(String fileName, String attempt) throws IOException {
      Path directory = settings.directory();
      Files.createDirectories(directory);
      this.target = directory.resolve(fileName);
      this.partial = directory.resolve(fileName + "." + attempt + PARTIAL);
      this.channel =
          FileChannel.open(
              partial,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE);
      this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
    }

    public OutputStream out() {
      return out;
    }

    /** Flushes, syncs to disk and moves the file to its final name. */
    public void publish() throws IOException {
      out.flush();
      channel.force(true);
      channel.close();
      Files.move(
          partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      published = true;
    }

    /** Discards the file unless it was published. */
    @Override
    public void close() {
      if (published) {
        return;
      }
      try {
        channel.close();
        Files.deleteIfExists(partial);
      } catch (IOException e) {
        LOG.log(Level.WARNING, "Could not remove " + partial, e);
      }
    }
  }

  Draft draft(String fileName, int attempt) throws IOException {
    return new Draft(fileName, "attempt" + attempt);
  }

  /** The published file, when it exists. */
  Optional<Path> find(String fileName) {
    Path file = settings.directory().resolve(fileName);
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  void delete(String fileName) throws IOException {
    Files.deleteIfExists(settings.directory().resolve(fileName));
  }

  /** A temporary file of an export attempt. */
  record Partial(Path path, String exportId, int attempt) {}

  /** The temporary files in the directory: those of live attempts and those crashes left. */
  List<Partial> partials() throws IOException {
    Path directory = settings.directory();
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    List<Partial> partials = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Matcher name = PARTIAL_NAME.matcher(file.getFileName().toString());
        if (name.matches()) {
          partials.add(new Partial(file, name.group(1), Integer.parseInt(name.group(2))));
        }
      }
    }
    return partials;
  }
}
