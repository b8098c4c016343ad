package io.devices.plugin.kit;

import io.devices.spi.export.ExportContext;
import io.devices.spi.export.ExportedDevice;
import io.devices.spi.export.ExportedDevice.Attribute;
import io.devices.spi.export.ExportedDevice.Tag;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/** Devices as the server hands them to a format: ids ascending, every field kind exercised. */
final class TestDevices {
  static final ExportContext CONTEXT =
      new ExportContext(
          "65f0c0ffee0000000000e001",
          "65f0c0ffee0000000000a001",
          "Kit application",
          Instant.parse("2024-04-01T00:00:00Z"));

  private static final Instant CREATED = Instant.parse("2024-03-01T10:15:30Z");
  private static final Instant UPDATED = Instant.parse("2024-03-02T11:00:00.123456789Z");
  private static final List<String> CLASSES =
      List.of("standalone", "gateway", "peripheral", "floating", "edgeCompute");
  private static final List<String> DATA_TYPES =
      List.of("number", "string", "boolean", "gps", "blob");

  private TestDevices() {}

  static String id(int n) {
    return String.format("%024x", n);
  }

  /** Device {@code n}: a peripheral every third, a few tags and attributes, no two alike. */
  static ExportedDevice device(int n) {
    return new ExportedDevice(
        id(n),
        "device " + n,
        n % 2 == 0 ? "" : "description of " + n,
        CLASSES.get(n % CLASSES.size()),
        n % 3 == 2 ? id(n - 1) : null,
        CREATED.plusSeconds(n),
        n % 4 == 0 ? UPDATED : UPDATED.plusMillis(n),
        IntStream.range(0, n % 4).mapToObj(t -> new Tag("key" + t, "value " + n)).toList(),
        IntStream.range(0, n % 3)
            .mapToObj(a -> new Attribute("attr" + a, DATA_TYPES.get((n + a) % DATA_TYPES.size())))
            .toList());
  }

  static List<ExportedDevice> devices(int from, int count) {
    return IntStream.range(from, from + count).mapToObj(TestDevices::device).toList();
  }

  /** A device with {@code count} tags, keys repeating as the SPI allows. */
  static ExportedDevice withTags(int n, int count) {
    ExportedDevice d = device(n);
    List<Tag> tags =
        IntStream.range(0, count).mapToObj(t -> new Tag("k" + (t % 100), "v" + t)).toList();
    return new ExportedDevice(
        d.id(),
        d.name(),
        d.description(),
        d.deviceClass(),
        d.gatewayId(),
        d.creationDate(),
        d.lastUpdated(),
        tags,
        d.attributes());
  }

  /** One device per sample of tricky text, in its name, description, tags and attributes. */
  static List<ExportedDevice> tricky() {
    List<String> samples = TrickyText.SAMPLES;
    return IntStream.range(0, samples.size())
        .mapToObj(
            i -> {
              String s = samples.get(i);
              return new ExportedDevice(
                  id(i),
                  s,
                  "about " + s,
                  "gateway",
                  null,
                  CREATED,
                  UPDATED,
                  List.of(new Tag(s, s), new Tag("k;=:", "v; w\\")),
                  List.of(new Attribute(s, "string")));
            })
        .toList();
  }
}
