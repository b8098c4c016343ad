package io.devices.mqtt;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The built-in transport is a plugin like a vendor's: the SPI, the JDK and Paho, nothing else. */
class MqttDependencyRulesTest {
  @Test
  void theTransportDependsOnTheSpiTheJdkAndPahoOnly() {
    classes()
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("io.devices.mqtt..", "io.devices.spi..", "java..", "org.eclipse.paho..")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.devices.mqtt"));
  }
}
