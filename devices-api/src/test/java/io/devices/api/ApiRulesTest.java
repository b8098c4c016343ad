package io.devices.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The wire contract is records only, depending on nothing of the server; the typed client beside it
 * adds the Jakarta REST client API and nothing else.
 */
class ApiRulesTest {
  private static final JavaClasses API =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.devices.api");

  @Test
  void theApiHoldsRecordsThatDependOnNoServerModule() {
    classes()
        .that()
        .resideInAPackage("io.devices.api")
        .and()
        .areNotAnnotatedWith(Deprecated.class)
        .and()
        .doNotHaveSimpleName("package-info")
        .should()
        .beRecords()
        .check(API);
    classes()
        .that()
        .resideInAPackage("io.devices.api")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("io.devices.api", "java..", "org.eclipse.microprofile.openapi..")
        .check(API);
  }

  @Test
  void theClientDependsOnTheRecordsAndTheJakartaRestClientApiAlone() {
    classes()
        .that()
        .resideInAPackage("io.devices.api.client")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("io.devices.api..", "java..", "jakarta.ws.rs..")
        .check(API);
  }
}
