package io.devices.formats;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The built-in formats are a plugin like a vendor's: the SPI, the JDK and JSON-P, nothing else. */
class FormatsDependencyRulesTest {
  @Test
  void theFormatsDependOnTheSpiTheJdkAndJsonPOnly() {
    classes()
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("io.devices.formats..", "io.devices.spi..", "java..", "jakarta.json..")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.devices.formats"));
  }
}
