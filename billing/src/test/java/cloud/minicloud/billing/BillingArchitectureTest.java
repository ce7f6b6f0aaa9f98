package cloud.minicloud.billing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Billing rates usage events; it never drives the hypervisor nor the web layer. */
@AnalyzeClasses(packages = "cloud.minicloud", importOptions = ImportOption.DoNotIncludeTests.class)
class BillingArchitectureTest {

    @ArchTest
    static final ArchRule billing_reads_usage_and_nothing_below_it = noClasses()
            .that().resideInAPackage("cloud.minicloud.billing..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "cloud.minicloud.web..", "cloud.minicloud.hypervisor..", "org.libvirt..")
            .allowEmptyShould(true);
}
