package io.devices.webhook;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Built as a vendor builds a plugin: the SPI and the JDK, nothing of the server. */
class WebhookDependencyRulesTest {
  @Test
  void theTransportDependsOnTheSpiAndTheJdkAlone() {
    classes()
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("io.devices.webhook..", "io.devices.spi..", "java..", "javax.crypto..")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.devices.webhook"));
  }
}
