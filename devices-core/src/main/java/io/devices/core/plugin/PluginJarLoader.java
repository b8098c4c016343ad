package io.devices.core.plugin;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Enumeration;

/**
 * The class loader of one plugin jar. Classes are parent-first, so the jar shares the SPI (and the
 * JDK) with the application; but its service registrations are its own: without this, a {@link
 * java.util.ServiceLoader} on the jar would also list the parent's built-ins and the plugins of
 * every jar the parent sees.
 */
final class PluginJarLoader extends URLClassLoader {
  private static final String SERVICES = "META-INF/services/";

  static {
    registerAsParallelCapable();
  }

  private final String jarName;

  PluginJarLoader(Path jar, ClassLoader application) throws IOException {
    super("plugin:" + jar.getFileName(), new URL[] {jar.toUri().toURL()}, application);
    this.jarName = jar.getFileName().toString();
  }

  String jarName() {
    return jarName;
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    return name.startsWith(SERVICES) ? findResources(name) : super.getResources(name);
  }
}
