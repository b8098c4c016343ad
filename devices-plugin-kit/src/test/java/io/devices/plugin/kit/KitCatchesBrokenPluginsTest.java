package io.devices.plugin.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.devices.spi.command.CommandMessage;
import io.devices.spi.command.CommandTransport;
import io.devices.spi.export.ExportFormat;
import io.devices.spi.export.ExportedDevice;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The kit's own test: it runs the contract against plugins that each break one rule and checks that
 * exactly the test for that rule fails, and that a sound plugin passes everything.
 */
class KitCatchesBrokenPluginsTest {
  @Test
  void aSoundFormatWithoutSettingsPassesEverything() {
    Map<String, TestExecutionResult.Status> results = run(SoundFormat.class);
    assertEquals(15, results.size(), results.toString());
    assertEquals(Set.of(), notPassed(results), results.toString());
  }

  @Test
  void aFormatWithoutSettingsThatRefusesUnknownKeysFails() {
    assertEquals(Set.of("itRefusesInvalidSettingsOrHasNone"), failed(PickyFormat.class));
  }

  @Test
  void aFormatThatClosesTheStreamFails() {
    assertTrue(failed(ClosingFormat.class).contains("devicesReadBackInOrder"));
  }

  @Test
  void aFormatThatDoesNotFlushAtTheEndFails() {
    assertTrue(failed(UnflushedFormat.class).contains("devicesReadBackInOrder"));
  }

  @Test
  void aFormatThatHoldsTheDevicesFails() {
    assertEquals(Set.of("aHundredThousandDevicesAreStreamedNotHeld"), failed(HoardingFormat.class));
  }

  @Test
  void aFormatWithOneWriterForAllExportsFails() {
    Set<String> failed = failed(SharedFormat.class);
    assertTrue(failed.contains("everyOpenGivesANewWriter"), failed.toString());
    assertTrue(
        failed.contains("twoInterleavedExportsGiveTheSameBytesAsEachAlone"), failed.toString());
  }

  @Test
  void aFormatWithAMalformedIdAndExtensionFails() {
    assertEquals(
        Set.of("theIdFollowsTheServersRuleAndIsStable", "itNamesAMediaTypeAndAFileExtension"),
        failed(MisnamedFormat.class));
  }

  @Test
  void aSoundTransportPassesEverything() {
    Map<String, TestExecutionResult.Status> results = run(SoundTransport.class);
    assertEquals(15, results.size(), results.toString());
    assertEquals(Set.of(), notPassed(results), results.toString());
  }

  @Test
  void aTransportWithOutcomesOutOfOrderFails() {
    assertEquals(Set.of("outcomesFollowTheOrderOfTheBatch"), failed(ReversedTransport.class));
  }

  @Test
  void aTransportThatDeliversOutsideStartAndStopFails() {
    assertEquals(
        Set.of("beforeStartNothingIsDelivered", "afterStopNothingIsDelivered"),
        failed(EagerTransport.class));
  }

  @Test
  void aTransportThatSaysDeliveredWhileTheTargetIsDownFails() {
    assertEquals(
        Set.of("whileTheTargetIsDownEveryItemIsRetriedLaterAndDeliveredOnceItIsBack"),
        failed(LyingTransport.class));
  }

  @Test
  void aTransportThatManglesUnicodeFails() {
    assertEquals(
        Set.of("unicodeAndEscapesInNamesAndPayloadsArriveIntact"), failed(ManglingTransport.class));
  }

  private static Set<String> failed(Class<?> contract) {
    Map<String, TestExecutionResult.Status> results = run(contract);
    Set<String> failed = new TreeSet<>();
    results.forEach(
        (test, status) -> {
          if (status == TestExecutionResult.Status.FAILED) {
            failed.add(test);
          }
        });
    return failed;
  }

  private static Set<String> notPassed(Map<String, TestExecutionResult.Status> results) {
    Set<String> notPassed = new TreeSet<>();
    results.forEach(
        (test, status) -> {
          if (status != TestExecutionResult.Status.SUCCESSFUL) {
            notPassed.add(test);
          }
        });
    return notPassed;
  }

  /** Runs one contract class with the JUnit launcher: each test method's status. */
  private static Map<String, TestExecutionResult.Status> run(Class<?> contract) {
    Map<String, TestExecutionResult.Status> results = new TreeMap<>();
    TestExecutionListener listener =
        new TestExecutionListener() {
          @Override
          public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (test.isTest() && test.getSource().orElse(null) instanceof MethodSource method) {
              results.put(method.getMethodName(), result.getStatus());
            }
          }
        };
    LauncherFactory.create()
        .execute(
            LauncherDiscoveryRequestBuilder.request().selectors(selectClass(contract)).build(),
            listener);
    return results;
  }

  abstract static class LinesFormatContract extends ExportFormatContract {
    @Override
    protected void verify(byte[] output, List<ExportedDevice> devices) {
      BrokenFormats.verify(output, devices);
    }
  }

  static class SoundFormat extends LinesFormatContract {
    @Override
    protected Class<? extends ExportFormat> pluginClass() {
      return BrokenFormats.Sound.class;
    }
  }

  static class ClosingFormat extends LinesFormatContract {
    @Override
    protected Class<? extends ExportFormat> pluginClass() {
      return BrokenFormats.Closing.class;
    }
  }

  static class UnflushedFormat extends LinesFormatContract {
    @Override
    protected Class<? extends ExportFormat> pluginClass() {
      return BrokenFormats.Unflushed.class;
    }
  }

  static class HoardingFormat extends LinesFormatContract {
    @Override
    protected Class<? extends ExportFormat> pluginClass() {
      return BrokenFormats.Hoarding.class;
    }
  }

  static class SharedFormat extends LinesFormatContract {
    @Override
    protected Class<? extends ExportFormat> pluginClass() {
      return BrokenFormats.Shared.class;
    }
  }

  static class MisnamedFormat extends LinesFormatContract {
    @Override
    protected Class<? extends ExportFormat> pluginClass() {
      return BrokenFormats.Misnamed.class;
    }
  }

  static class PickyFormat extends LinesFormatContract {
    @Override
    protected Class<? extends ExportFormat> pluginClass() {
      return BrokenFormats.Picky.class;
    }
  }

  abstract static class InMemoryTransportContract extends CommandTransportContract {
    @Override
    protected Map<String, String> settings() {
      return Map.of();
    }

    @Override
    protected Optional<Map<String, String>> invalidSettings() {
      return Optional.of(Map.of("invalid", "yes"));
    }

    @Override
    protected String refusedDeviceId() {
      return BrokenTransports.REFUSED;
    }

    @Override
    protected void takeTargetDown() {
      BrokenTransports.targetUp = false;
    }

    @Override
    protected void bringTargetUp() {
      BrokenTransports.targetUp = true;
    }

    @Override
    protected void awaitReceived(List<CommandMessage> messages) {
      for (CommandMessage message : messages) {
        assertTrue(
            BrokenTransports.RECEIVED
                .getOrDefault(message.deviceId(), List.of())
                .contains(message.json()),
            message.deviceId() + " received " + message.json());
      }
    }
  }

  static class SoundTransport extends InMemoryTransportContract {
    @Override
    protected Class<? extends CommandTransport> pluginClass() {
      return BrokenTransports.Sound.class;
    }
  }

  static class ReversedTransport extends InMemoryTransportContract {
    @Override
    protected Class<? extends CommandTransport> pluginClass() {
      return BrokenTransports.Reversed.class;
    }
  }

  static class EagerTransport extends InMemoryTransportContract {
    @Override
    protected Class<? extends CommandTransport> pluginClass() {
      return BrokenTransports.Eager.class;
    }
  }

  static class LyingTransport extends InMemoryTransportContract {
    @Override
    protected Class<? extends CommandTransport> pluginClass() {
      return BrokenTransports.Lying.class;
    }
  }

  static class ManglingTransport extends InMemoryTransportContract {
    @Override
    protected Class<? extends CommandTransport> pluginClass() {
      return BrokenTransports.Mangling.class;
    }
  }
}
