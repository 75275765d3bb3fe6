package dev.actionpack.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.actionpack.ActionPackApplication;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.web.bind.annotation.RestController;

/**
 * Each top-level package is a module and the dependencies between them run one way: the
 * features ({@code subscription}, {@code order}, {@code support}, {@code notification}, ...)
 * depend on the base ({@code process}, {@code payment}, {@code partner}, {@code offer},
 * {@code operations}, {@code persistence}, {@code web}, {@code domain}), never back. Refusals
 * are domain exceptions; only the web layer and the controllers know HTTP.
 */
class ModuleStructureTest {

  private static final String[] BASE = {"dev.actionpack.process..", "dev.actionpack.payment..",
      "dev.actionpack.partner..", "dev.actionpack.offer..", "dev.actionpack.operations..",
      "dev.actionpack.persistence..", "dev.actionpack.web..", "dev.actionpack.domain.."};
  private static final String[] FEATURES = {"dev.actionpack.subscription..",
      "dev.actionpack.order..", "dev.actionpack.benefit..", "dev.actionpack.support..",
      "dev.actionpack.notification..", "dev.actionpack.security..", "dev.actionpack.demo..",
      "dev.actionpack.portal..", "dev.actionpack.admin.."};

  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.actionpack");

  @Test
  @DisplayName("The modules have no cycles and reach into no other module's internals")
  void shouldVerifyTheApplicationModules() {
    ApplicationModules.of(ActionPackApplication.class).verify();
  }

  @Test
  @DisplayName("The base (process, payment, partner, offer, operations, persistence, web, domain) depends on no feature")
  void shouldKeepTheBaseFreeOfFeatures() {
    noClasses().that().resideInAnyPackage(BASE).should().dependOnClassesThat()
        .resideInAnyPackage(FEATURES).check(MAIN);
  }

  @Test
  @DisplayName("Benefits know no subscription class, the lifecycle knows no order, support no notification")
  void shouldKeepTheFeaturesOneWay() {
    noClasses().that().resideInAPackage("dev.actionpack.benefit..").should()
        .dependOnClassesThat().resideInAPackage("dev.actionpack.subscription..").check(MAIN);
    noClasses().that().resideInAPackage("dev.actionpack.subscription..").should()
        .dependOnClassesThat().resideInAnyPackage("dev.actionpack.order..",
            "dev.actionpack.support..", "dev.actionpack.notification..").check(MAIN);
    noClasses().that().resideInAPackage("dev.actionpack.support..").should()
        .dependOnClassesThat().resideInAPackage("dev.actionpack.notification..").check(MAIN);
  }

  @Test
  @DisplayName("No service, entity or delegate knows an HTTP status: refusals are domain exceptions, mapped in one place")
  void shouldKeepHttpInTheWebLayer() {
    noClasses().that().resideOutsideOfPackages("dev.actionpack.web..",
            "dev.actionpack.security..")
        .and().areNotAnnotatedWith(RestController.class)
        .should().dependOnClassesThat().resideInAPackage("org.springframework.http..")
        .check(MAIN);
  }
}
