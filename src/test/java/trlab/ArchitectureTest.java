package trlab;

import static com.tngtech.archunit.base.DescribedPredicate.or;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of DESIGN.md: core, measure, experiment below; cli and app on top; only app, cli and the
 * Launcher may touch JavaFX or ChartFX. Rules over packages that may still be empty allow an empty subject.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("trlab");
    }

    @Test
    void importSeesTheProductionClasses() {
        // guards every rule below against passing vacuously because nothing was imported
        assertThat(classes.contain(Launcher.class)).isTrue();
        assertThat(classes.contain(ArchitectureTest.class)).isFalse();
    }

    @Test
    void coreDependsOnNothingOfOurs() {
        classes().that().resideInAPackage("trlab.core..")
                .should().onlyDependOnClassesThat(or(resideOutsideOfPackage("trlab.."),
                        resideInAnyPackage("trlab.core..")))
                .because("core is the numerical base and must stay reusable and testable on its own")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void measureDependsOnlyOnCore() {
        classes().that().resideInAPackage("trlab.measure..")
                .should().onlyDependOnClassesThat(or(resideOutsideOfPackage("trlab.."),
                        resideInAnyPackage("trlab.measure..", "trlab.core..")))
                .because("measurements read networks from core and know nothing of runs or views")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void experimentDependsOnlyOnCoreAndMeasure() {
        classes().that().resideInAPackage("trlab.experiment..")
                .should().onlyDependOnClassesThat(or(resideOutsideOfPackage("trlab.."),
                        resideInAnyPackage("trlab.experiment..", "trlab.measure..", "trlab.core..")))
                .because("runs and configs sit below the user interfaces that drive them")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyAppCliAndLauncherTouchJavaFxOrChartFx() {
        noClasses().that().resideOutsideOfPackages("trlab.app..", "trlab.cli..")
                .and().doNotHaveFullyQualifiedName(Launcher.class.getName())
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.fair_acc..")
                .because("the numerics and the runs must work headless and without a UI toolkit")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyCliAndLauncherUseTheApp() {
        noClasses().that().resideOutsideOfPackages("trlab.app..", "trlab.cli..")
                .and().doNotHaveFullyQualifiedName(Launcher.class.getName())
                .should().dependOnClassesThat().resideInAPackage("trlab.app..")
                .because("the window is the top layer; lower layers feed it snapshots, never call it")
                .allowEmptyShould(true)
                .check(classes);
    }
}
