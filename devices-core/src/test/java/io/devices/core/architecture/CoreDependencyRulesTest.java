package io.devices.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.devices.core.common.SchemaMigration;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

/**
 * The core speaks in domain terms: it never sees JAX-RS, servlets or the wire records of
 * devices-api, its features do not reach into the web module, and it knows the built-in plugins
 * only through the SPI.
 */
class CoreDependencyRulesTest {
  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.devices.core");

  @Test
  void theCoreDoesNotUseJaxRsOrServlets() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("jakarta.ws.rs..", "jakarta.servlet..")
        .check(CORE);
  }

  @Test
  void theCoreDoesNotUseTheWireRecordsOrTheWebModule() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.devices.api..", "io.devices.web..")
        .check(CORE);
  }

  /** The built-in plugins are found by the ServiceLoader like a vendor's, never called directly. */
  @Test
  void theCoreDoesNotUseTheBuiltInPlugins() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.devices.formats..", "io.devices.mqtt..", "org.eclipse.paho..")
        .check(CORE);
  }

  @Test
  void onlyTheMetricsPackageUsesTheMetricsApi() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.devices.core.metrics..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.eclipse.microprofile.metrics..")
        .check(CORE);
  }

  @Test
  void theFeaturesDoNotDependOnTheirMetrics() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.devices.core.metrics..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.devices.core.metrics..")
        .check(CORE);
  }

  /** One Flyway configuration (tests included), so none can migrate without the Java migrations. */
  @Test
  void onlySchemaMigrationConfiguresFlyway() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName(SchemaMigration.class.getName())
        .should()
        .callMethod(Flyway.class, "configure")
        .orShould()
        .callMethod(Flyway.class, "configure", ClassLoader.class)
        .orShould()
        .callConstructor(FluentConfiguration.class)
        .orShould()
        .callConstructor(FluentConfiguration.class, ClassLoader.class)
        .check(new ClassFileImporter().importPackages("io.devices.core"));
  }
}
