package cloud.minicloud.image;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The catalog knows images only: the core uses it, never the other way round, and it never speaks libvirt. */
class ImageCatalogArchitectureTest {

    // Plain JUnit tests: ArchUnit's own JUnit 5 engine ran no rule with this JUnit platform.
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cloud.minicloud");

    @Test
    void the_catalog_does_not_reach_up_or_into_libvirt() {
        noClasses()
                .that().resideInAPackage("cloud.minicloud.image..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "cloud.minicloud.core..", "cloud.minicloud.web..", "cloud.minicloud.billing..", "org.libvirt..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }
}
