package io.devices.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.devices.web.access.Allows;
import io.devices.web.access.SignedLink;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import org.junit.jupiter.api.Test;

/** The web module is thin and every endpoint is guarded. */
class WebRulesTest {
  private static final JavaClasses WEB =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.devices.web");

  @Test
  void everyEndpointNamesTheActionItPerforms() {
    methods()
        .that()
        .areAnnotatedWith(GET.class)
        .or()
        .areAnnotatedWith(POST.class)
        .or()
        .areAnnotatedWith(PUT.class)
        .or()
        .areAnnotatedWith(PATCH.class)
        .or()
        .areAnnotatedWith(DELETE.class)
        .should()
        .beAnnotatedWith(Allows.class)
        .orShould()
        .beAnnotatedWith(SignedLink.class)
        .check(WEB);
  }

  @Test
  void theWebModuleDoesNotTouchPersistenceDirectly() {
    noClasses().should().dependOnClassesThat().resideInAPackage("jakarta.persistence..").check(WEB);
  }
}
