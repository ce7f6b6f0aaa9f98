package cloud.minicloud.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import java.util.List;
import com.tngtech.archunit.core.domain.JavaClass;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Views and API resources are thin: they call core services and never reach past them. */
class PortalWebArchitectureTest {

    // Plain JUnit tests: ArchUnit's own JUnit 5 engine ran no rule with this JUnit platform.
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cloud.minicloud");

    @Test
    void the_web_layer_never_touches_persistence_directly() {
        noClasses()
                .that().resideInAnyPackage("cloud.minicloud.web.ui..", "cloud.minicloud.web.api..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .check(CLASSES);
    }

    @Test
    void views_and_resources_stay_apart() {
        noClasses()
                .that().resideInAPackage("cloud.minicloud.web.ui..")
                .should().dependOnClassesThat().resideInAPackage("cloud.minicloud.web.api..")
                .check(CLASSES);
    }

    @Test
    void the_web_layer_never_speaks_libvirt() {
        noClasses()
                .that().resideInAPackage("cloud.minicloud.web..")
                .and().resideOutsideOfPackage("cloud.minicloud.web.wiring..")
                .should().dependOnClassesThat().resideInAnyPackage("org.libvirt..", "cloud.minicloud.hypervisor..")
                .check(CLASSES);
    }

    @Test
    void only_the_wiring_names_the_driver_technology_and_it_never_calls_libvirt_itself() {
        noClasses()
                .that().resideInAPackage("cloud.minicloud.web.wiring..")
                .should().dependOnClassesThat().resideInAnyPackage("org.libvirt..", "com.sun.jna..")
                .check(CLASSES);
    }

    @Test
    void every_package_of_every_module_says_its_role_in_a_package_info() {
        List<String> undocumented = CLASSES.stream()
                .map(JavaClass::getPackageName)
                .distinct()
                .filter(pkg -> CLASSES.stream().noneMatch(c -> c.getName().equals(pkg + ".package-info")))
                .sorted()
                .toList();

        assertEquals(List.of(), undocumented);
    }
}
