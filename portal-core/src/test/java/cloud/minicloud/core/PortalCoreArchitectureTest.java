package cloud.minicloud.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The core is the domain: the web layer and billing build on it; it speaks libvirt only through the driver's port. */
class PortalCoreArchitectureTest {

    // Plain JUnit tests: ArchUnit's own JUnit 5 engine ran no rule with this JUnit platform.
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cloud.minicloud");

    @Test
    void the_core_knows_nothing_of_the_web_or_billing() {
        noClasses()
                .that().resideInAPackage("cloud.minicloud.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "cloud.minicloud.web..", "cloud.minicloud.billing..", "com.vaadin..", "jakarta.ws.rs..")
                .check(CLASSES);
    }

    @Test
    void the_core_never_touches_libvirt_directly() {
        noClasses()
                .that().resideInAPackage("cloud.minicloud.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.libvirt..", "com.sun.jna..")
                .check(CLASSES);
    }

    @Test
    void the_core_gets_its_drivers_through_the_port_and_never_names_a_driver_technology() {
        noClasses()
                .that().resideInAPackage("cloud.minicloud.core..")
                .should().dependOnClassesThat().resideInAnyPackage("cloud.minicloud.hypervisor.libvirt..",
                        "cloud.minicloud.hypervisor.fake..")
                .check(CLASSES);
    }

    @Test
    void settings_reach_the_core_through_one_injected_object_not_the_environment() {
        noClasses()
                .that().resideInAPackage("cloud.minicloud.core..")
                .and().doNotHaveFullyQualifiedName("cloud.minicloud.core.config.CloudSettings")
                .should().callMethod(System.class, "getenv")
                .orShould().callMethod(System.class, "getenv", String.class)
                .orShould().callMethod(System.class, "getProperty", String.class)
                .orShould().callMethod(Integer.class, "getInteger", String.class, int.class)
                .orShould().callMethod(Boolean.class, "getBoolean", String.class)
                .check(CLASSES);
    }

    @Test
    void only_repositories_named_jpa_use_the_entity_manager() {
        noClasses()
                .that().haveSimpleNameNotStartingWith("Jpa")
                .and().resideInAPackage("cloud.minicloud.core..")
                .should().dependOnClassesThat().haveFullyQualifiedName("jakarta.persistence.EntityManager")
                .check(CLASSES);
    }
}
