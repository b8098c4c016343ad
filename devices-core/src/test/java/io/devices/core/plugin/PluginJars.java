package io.devices.core.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * Plugin jars built from classes of the test tree, as a vendor's build would pack them, and the
 * application's class loader as the server has it: one that does not see the vendors' classes.
 */
final class PluginJars {
  private static final String VENDOR_PACKAGE = "io.devices.core.plugin.vendor.";

  private PluginJars() {}

  /** A jar holding {@code classes} that registers {@code providers} as services of {@code kind}. */
  static Path write(Path jar, Class<?> kind, List<Class<?>> providers, List<Class<?>> classes)
      throws IOException {
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("META-INF/services/" + kind.getName()));
      String names = String.join("\n", providers.stream().map(Class::getName).toList());
      out.write(names.getBytes(StandardCharsets.UTF_8));
      for (Class<?> type : classes) {
        String entry = type.getName().replace('.', '/') + ".class";
        out.putNextEntry(new JarEntry(entry));
        copy(type.getClassLoader().getResourceAsStream(entry), out);
      }
    }
    return jar;
  }

  private static void copy(InputStream in, OutputStream out) throws IOException {
    try (in) {
      in.transferTo(out);
    }
  }

  /** The test class path without the vendors' classes: those load from the jars or not at all. */
  static ClassLoader application() {
    return new ClassLoader("application", PluginJars.class.getClassLoader()) {
      @Override
      protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(VENDOR_PACKAGE)) {
          throw new ClassNotFoundException(name);
        }
        return super.loadClass(name, resolve);
      }
    };
  }
}
