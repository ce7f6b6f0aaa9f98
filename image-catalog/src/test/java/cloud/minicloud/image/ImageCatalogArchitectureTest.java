package cloud.minicloud.image;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The catalog knows images only: the core uses it, never the other way round, and it never speaks libvirt. */
@AnalyzeClasses(packages = "cloud.minicloud", importOptions = ImportOption.DoNotIncludeTests.class)
class ImageCatalogArchitectureTest {

    @ArchTest
    static final ArchRule the_catalog_does_not_reach_up_or_into_libvirt = noClasses()
            .that().resideInAPackage("cloud.minicloud.image..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "cloud.minicloud.core..", "cloud.minicloud.web..", "cloud.minicloud.billing..", "org.libvirt..")
            .allowEmptyShould(true);
}
