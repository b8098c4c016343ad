package io.devices.it;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Builds vendor plugin jars the way a vendor would: Java sources compiled against the SPI jar
 * alone, packed with their {@code META-INF/services} registration.
 */
final class PluginJars {
  private PluginJars() {}

  /**
   * @param sources Java source text by fully qualified class name
   * @param services service interface name to the implementation class names it lists (which need
   *     not exist: that is how a broken plugin is made)
   */
  static Path build(Path jar, Map<String, String> sources, Map<String, List<String>> services) {
    try {
      Path classes = Files.createTempDirectory("plugin-classes");
      if (!sources.isEmpty()) {
        compile(sources, classes);
      }
      Files.createDirectories(jar.getParent());
      try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
        try (Stream<Path> files = Files.walk(classes)) {
          for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
            out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
            Files.copy(file, out);
            out.closeEntry();
          }
        }
        for (Map.Entry<String, List<String>> service : services.entrySet()) {
          out.putNextEntry(new JarEntry("META-INF/services/" + service.getKey()));
          write(out, String.join("\n", service.getValue()) + "\n");
          out.closeEntry();
        }
      }
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void compile(Map<String, String> sources, Path classes) throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, null)) {
      files.setLocation(StandardLocation.CLASS_OUTPUT, List.of(classes.toFile()));
      files.setLocation(
          StandardLocation.CLASS_PATH, List.of(Path.of(System.getProperty("it.spi.jar")).toFile()));
      List<JavaFileObject> units = new ArrayList<>();
      sources.forEach(
          (name, text) ->
              units.add(
                  new SimpleJavaFileObject(
                      URI.create("string:///" + name.replace('.', '/') + ".java"),
                      JavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                      return text;
                    }
                  }));
      Boolean ok =
          compiler.getTask(null, files, null, List.of("--release", "17"), null, units).call();
      if (!Boolean.TRUE.equals(ok)) {
        throw new IllegalStateException("the plugin sources do not compile");
      }
    }
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The source of a vendor export format {@code <pkg>.SlowFormat} named {@code id} that writes one
   * line per device after sleeping {@code millisPerDevice}: an export that takes long enough for a
   * test to stop or kill the server in its middle.
   */
  static String slowFormat(String pkg, String id, int millisPerDevice) {
    return """
        package %s;

        import io.devices.spi.export.*;
        import java.io.*;
        import java.nio.charset.StandardCharsets;

        public final class SlowFormat implements ExportFormat {
          public String id() { return "%s"; }
          public String mediaType() { return "text/plain; charset=UTF-8"; }
          public String fileExtension() { return "txt"; }
          public ExportWriter open(OutputStream out) {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            return new ExportWriter() {
              public void begin(ExportContext context) {}
              public void device(ExportedDevice device) throws IOException {
                try { Thread.sleep(%d); } catch (InterruptedException e) { throw new InterruptedIOException(); }
                writer.write(device.id() + "\\n");
              }
              public void end() throws IOException { writer.flush(); }
            };
          }
        }
        """
        .formatted(pkg, id, millisPerDevice);
  }
}
