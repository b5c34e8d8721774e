package trlab;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import trlab.core.ArchitectureViolation;

import java.util.Map;
import java.util.TreeMap;

/**
 * The packages and which may use which, as the README's table of packages lists them: core at the bottom, then
 * measure and the theory beside it, the config, the run, the reproduction; the charts and the window on top, with the command line beside
 * them. Only the window, its charts, the command line and the launcher touch JavaFX or ChartFX.
 */
class ArchitectureTest {

    private static final String CORE = "core";
    private static final String MEASURE = "measure";
    private static final String THEORY = "theory";
    private static final String CONFIG = "config";
    private static final String RUNS = "runs";
    private static final String REPRODUCE = "reproduce";
    private static final String SWEEP = "sweep";
    private static final String SPARK = "spark";
    private static final String CHARTS = "charts";
    private static final String WINDOW = "window";
    private static final String CLI = "cli";
    private static final String LAUNCHER = "launcher";

    /** Each layer's package, exactly: a new package must be placed here before it can hold a class. */
    private static final Map<String, String> PACKAGES = withSpark(Map.ofEntries(
            Map.entry(CORE, "trlab.core"),
            Map.entry(MEASURE, "trlab.measure"),
            Map.entry(THEORY, "trlab.theory"),
            Map.entry(CONFIG, "trlab.experiment.config"),
            Map.entry(RUNS, "trlab.experiment"),
            Map.entry(REPRODUCE, "trlab.experiment.reproduce"),
            Map.entry(SWEEP, "trlab.experiment.sweep"),
            Map.entry(CHARTS, "trlab.app.chart"),
            Map.entry(WINDOW, "trlab.app"),
            Map.entry(CLI, "trlab.cli"),
            Map.entry(LAUNCHER, "trlab")));

    /** The Spark engine's package, when it was built (not with -Dnospark, which leaves it out). */
    private static Map<String, String> withSpark(Map<String, String> packages) {
        if (ArchitectureTest.class.getResource("/trlab/experiment/sweep/spark/SparkSweep.class") == null) {
            return packages;
        }
        Map<String, String> all = new java.util.HashMap<>(packages);
        all.put(SPARK, "trlab.experiment.sweep.spark");
        return Map.copyOf(all);
    }

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("trlab");
    }

    /** The arrows: each layer and the layers it may use; {@code optionalLayers} lets a layer be empty. */
    private static ArchRule layers(boolean optionalLayers) {
        LayeredArchitecture arch = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(optionalLayers);
        for (Map.Entry<String, String> e : new TreeMap<>(PACKAGES).entrySet()) {
            arch = arch.layer(e.getKey()).definedBy(e.getValue());
        }
        if (PACKAGES.containsKey(SPARK)) {
            arch = arch.whereLayer(SPARK).mayOnlyAccessLayers(CORE, MEASURE, THEORY, CONFIG, RUNS, SWEEP);
        }
        return arch
                .whereLayer(CORE).mayNotAccessAnyLayer()
                .whereLayer(MEASURE).mayOnlyAccessLayers(CORE)
                .whereLayer(THEORY).mayOnlyAccessLayers(CORE, MEASURE)
                .whereLayer(CONFIG).mayOnlyAccessLayers(CORE, MEASURE)
                .whereLayer(RUNS).mayOnlyAccessLayers(CORE, MEASURE, THEORY, CONFIG)
                .whereLayer(REPRODUCE).mayOnlyAccessLayers(CORE, MEASURE, THEORY, CONFIG, RUNS)
                .whereLayer(SWEEP).mayOnlyAccessLayers(CORE, MEASURE, THEORY, CONFIG, RUNS)
                .whereLayer(CHARTS).mayOnlyAccessLayers(CORE, MEASURE, THEORY, CONFIG, RUNS, SWEEP)
                .whereLayer(WINDOW).mayOnlyAccessLayers(CORE, MEASURE, THEORY, CONFIG, RUNS, SWEEP, CHARTS)
                .whereLayer(CLI).mayOnlyAccessLayers(CORE, MEASURE, THEORY, CONFIG, RUNS, REPRODUCE, SWEEP, CHARTS,
                        WINDOW)
                .whereLayer(LAUNCHER).mayOnlyAccessLayers(CLI, WINDOW)
                .ensureAllClassesAreContainedInArchitecture()
                .because("each package sits above the ones it uses; none reaches back up");
    }

    @Test
    void everyLayerHoldsClasses() {
        // guards every rule below against passing vacuously: each package named there exists and was imported
        for (Map.Entry<String, String> e : PACKAGES.entrySet()) {
            assertThat(classes.stream().map(JavaClass::getPackageName).anyMatch(e.getValue()::equals))
                    .as("classes in %s (%s)", e.getValue(), e.getKey()).isTrue();
        }
        assertThat(classes.contain(ArchitectureTest.class)).isFalse();
    }

    @Test
    void eachPackageUsesOnlyThePackagesBelowIt() {
        layers(false).check(classes);
    }

    @Test
    void theLayerRuleFailsOnAnArrowBackUp() {
        // a test class in core that uses a run: the rule must see it
        JavaClasses withViolation = new ClassFileImporter().importClasses(ArchitectureViolation.class,
                trlab.experiment.Run.class);
        assertThatThrownBy(() -> layers(true).check(withViolation))
                .isInstanceOf(AssertionError.class).hasMessageContaining(ArchitectureViolation.class.getName());
    }

    @Test
    void noPackagesFormACircle() {
        slices().matching("trlab.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void onlyTheWindowTheCommandLineAndTheLauncherTouchJavaFxOrChartFx() {
        ArchRule rule = noClasses().that().resideOutsideOfPackages("trlab.app..", "trlab.cli..")
                .and().doNotHaveFullyQualifiedName(Launcher.class.getName())
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.fair_acc..")
                .because("the numerics and the runs must work headless and without a UI toolkit");
        rule.check(classes);
    }
}
