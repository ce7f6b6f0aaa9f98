package cloud.minicloud.hypervisor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The driver is the bottom of the stack: it may use libvirt, but nothing of the rest of the cloud. */
class HypervisorDriverArchitectureTest {

    // Plain JUnit tests: ArchUnit's own JUnit 5 engine ran no rule with this JUnit platform.
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cloud.minicloud");

    @Test
    void the_driver_depends_on_nothing_else_of_the_cloud() {
        noClasses()
                .that().resideInAPackage("cloud.minicloud.hypervisor..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "cloud.minicloud.core..", "cloud.minicloud.web..",
                        "cloud.minicloud.image..", "cloud.minicloud.billing..")
                .check(CLASSES);
    }

    @Test
    void no_libvirt_type_crosses_the_contract() {
        noClasses()
                .that().resideInAPackage("cloud.minicloud.hypervisor..")
                .and().resideOutsideOfPackage("cloud.minicloud.hypervisor.libvirt..")
                .should().dependOnClassesThat().resideInAnyPackage("org.libvirt..", "com.sun.jna..")
                .check(CLASSES);
    }
}
