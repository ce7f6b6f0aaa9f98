package cloud.minicloud.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Views and API resources are thin: they call core services and never reach past them. */
@AnalyzeClasses(packages = "cloud.minicloud", importOptions = ImportOption.DoNotIncludeTests.class)
class PortalWebArchitectureTest {

    @ArchTest
    static final ArchRule the_web_layer_never_touches_persistence_directly = noClasses()
            .that().resideInAnyPackage("cloud.minicloud.web.ui..", "cloud.minicloud.web.api..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..")
            .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Repository");

    @ArchTest
    static final ArchRule views_and_resources_stay_apart = noClasses()
            .that().resideInAPackage("cloud.minicloud.web.ui..")
            .should().dependOnClassesThat().resideInAPackage("cloud.minicloud.web.api..");

    @ArchTest
    static final ArchRule the_web_layer_never_speaks_libvirt = noClasses()
            .that().resideInAPackage("cloud.minicloud.web..")
            .should().dependOnClassesThat().resideInAnyPackage("org.libvirt..", "cloud.minicloud.hypervisor..");
}
