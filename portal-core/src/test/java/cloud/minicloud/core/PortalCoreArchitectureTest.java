package cloud.minicloud.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The core is the domain: the web layer and billing build on it; it speaks libvirt only through the driver's port. */
@AnalyzeClasses(packages = "cloud.minicloud", importOptions = ImportOption.DoNotIncludeTests.class)
class PortalCoreArchitectureTest {

    @ArchTest
    static final ArchRule the_core_knows_nothing_of_the_web_or_billing = noClasses()
            .that().resideInAPackage("cloud.minicloud.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "cloud.minicloud.web..", "cloud.minicloud.billing..", "com.vaadin..", "jakarta.ws.rs..");

    @ArchTest
    static final ArchRule the_core_never_touches_libvirt_directly = noClasses()
            .that().resideInAPackage("cloud.minicloud.core..")
            .should().dependOnClassesThat().resideInAnyPackage("org.libvirt..", "com.sun.jna..");

    @ArchTest
    static final ArchRule only_repositories_named_jpa_use_the_entity_manager = noClasses()
            .that().haveSimpleNameNotStartingWith("Jpa")
            .and().resideInAPackage("cloud.minicloud.core..")
            .should().dependOnClassesThat().haveFullyQualifiedName("jakarta.persistence.EntityManager");
}
