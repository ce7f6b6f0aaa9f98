package cloud.minicloud.hypervisor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The driver is the bottom of the stack: it may use libvirt, but nothing of the rest of the cloud. */
@AnalyzeClasses(packages = "cloud.minicloud", importOptions = ImportOption.DoNotIncludeTests.class)
class HypervisorDriverArchitectureTest {

    @ArchTest
    static final ArchRule the_driver_depends_on_nothing_else_of_the_cloud = noClasses()
            .that().resideInAPackage("cloud.minicloud.hypervisor..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "cloud.minicloud.core..", "cloud.minicloud.web..",
                    "cloud.minicloud.image..", "cloud.minicloud.billing..")
            .allowEmptyShould(true);
}
