package cloud.minicloud.billing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Billing rates usage events; it never drives the hypervisor nor the web layer. */
class BillingArchitectureTest {

    // Plain JUnit tests: ArchUnit's own JUnit 5 engine ran no rule with this JUnit platform.
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cloud.minicloud");

    @Test
    void billing_reads_usage_and_nothing_below_it() {
        noClasses()
                .that().resideInAPackage("cloud.minicloud.billing..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "cloud.minicloud.web..", "cloud.minicloud.hypervisor..", "org.libvirt..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }
}
