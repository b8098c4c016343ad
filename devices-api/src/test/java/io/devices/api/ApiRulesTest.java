package io.devices.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The wire contract is records only, depending on nothing of the server. */
class ApiRulesTest {
  @Test
  void theApiHoldsRecordsThatDependOnNoServerModule() {
    var api =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.devices.api");
    classes()
        .that()
        .areNotAnnotatedWith(Deprecated.class)
        .and()
        .doNotHaveSimpleName("package-info")
        .should()
        .beRecords()
        .check(api);
    classes()
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("io.devices.api..", "java..", "org.eclipse.microprofile.openapi..")
        .check(api);
  }
}
