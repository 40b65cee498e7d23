package dev.outbound.runtime.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * A class loader whose service registration lists only some container definitions, as a smaller jar
 * would.
 */
public final class OnlyTheseDefinitions extends ClassLoader {

  private static final String SERVICES = "META-INF/services/dev.outbound.spi.ContainerDefinition";

  private final URL services;

  public OnlyTheseDefinitions(Path dir, Class<?>... definitions) {
    super(OnlyTheseDefinitions.class.getClassLoader());
    StringBuilder lines = new StringBuilder();
    for (Class<?> definition : definitions) {
      lines.append(definition.getName()).append('\n');
    }
    try {
      Path file = Files.writeString(dir.resolve("services-" + definitions.length), lines);
      this.services = file.toUri().toURL();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    return SERVICES.equals(name)
        ? Collections.enumeration(List.of(services))
        : super.getResources(name);
  }
}
