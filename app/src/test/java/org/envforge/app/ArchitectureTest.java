package org.envforge.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering: model <- plugins, model <- views <- app. Checked on the compiled classes of every
 * module (the app's test class path holds them all).
 */
class ArchitectureTest {

    private static final String[] MODEL = {"org.envforge.catalog..", "org.envforge.io..", "org.envforge.plugin..",
        "org.envforge.progress..", "org.envforge.service..", "org.envforge.store..", "org.envforge.text..", "org.envforge.spec..",
        "org.envforge.json..", "org.envforge.action..", "org.envforge.runtime..", "org.envforge.verify..", "org.envforge.agent..",
        "org.envforge.engine..", "org.envforge.trajectory..", "org.envforge.host..", "org.envforge.job..", "org.envforge.error.."};
    /**
     * What plugins may use of the model: the plugin SPI, the session interface (not the runtimes),
     * and the value types of actions and specs; plus Jackson's tree model for probe arguments.
     */
    private static final String[] PLUGIN_SPI = {"org.envforge.plugin..", "org.envforge.progress..", "org.envforge.text..",
        "org.envforge.error", "org.envforge.runtime", "org.envforge.action", "org.envforge.spec", "com.fasterxml.jackson.databind..",
        "com.fasterxml.jackson.core.."};

    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        // Test classes (this module's and the other modules' test jars) are not part of the layering.
        ImportOption noTestJars = location -> !location.contains("-tests.jar") && !location.contains("/test-classes/");
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(noTestJars).importPackages("org.envforge");
    }

    @Test
    void everyLayerIsPresent() {
        // Guards against the rules passing vacuously because a module was not on the class path.
        for (String pkg : new String[] {"org.envforge.catalog", "org.envforge.store", "org.envforge.runtime.local",
            "org.envforge.agent.llm", "org.envforge.engine", "org.envforge.trajectory.replay", "org.envforge.plugins.gnumeric",
            "org.envforge.views.catalog", "org.envforge.app.cli", "org.envforge.app.gui"}) {
            org.assertj.core.api.Assertions.assertThat(classes.stream().anyMatch(c -> c.getPackageName().equals(pkg)))
                    .as("classes in " + pkg).isTrue();
        }
    }

    @Test
    void modelUsesNoJavaFxAwtOrSwing() {
        ArchRule rule = noClasses().that().resideInAnyPackage(MODEL)
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.awt..", "javax.swing..", "com.sun.javafx..");
        rule.check(classes);
    }

    @Test
    void modelDoesNotDependOnViewsPluginsOrApp() {
        noClasses().that().resideInAnyPackage(MODEL)
                .should().dependOnClassesThat().resideInAnyPackage("org.envforge.views..", "org.envforge.plugins..",
                        "org.envforge.app..")
                .check(classes);
    }

    @Test
    void viewsNeverUseSqlOrDocker() {
        noClasses().that().resideInAPackage("org.envforge.views..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.sqlite..",
                        "org.flywaydb..", "com.github.dockerjava..")
                .check(classes);
    }

    /**
     * Views see the engine through its services and their value types: no store (rows, SQL
     * helpers), no sandbox runtime (its interfaces included: a window, a session, a screenshot come
     * to views as the services' own values), no agent implementation and no host process plumbing.
     * The module dependencies cannot say this: the engine brings all of these onto the views' class path.
     */
    @Test
    void viewsUseNoStoreRuntimeOrAgentImplementationTypes() {
        noClasses().that().resideInAPackage("org.envforge.views..")
                .should().dependOnClassesThat().resideInAnyPackage("org.envforge.store..", "org.envforge.runtime..",
                        "org.envforge.agent.llm..", "org.envforge.agent.rules..", "org.envforge.agent.recipe..", "org.envforge.host..")
                .check(classes);
    }

    @Test
    void viewsDoNotDependOnTheApp() {
        noClasses().that().resideInAPackage("org.envforge.views..")
                .should().dependOnClassesThat().resideInAnyPackage("org.envforge.app..", "org.envforge.plugins..")
                .check(classes);
    }

    @Test
    void pluginsDependOnlyOnTheModelSpi() {
        classes().that().resideInAPackage("org.envforge.plugins..")
                .should().onlyDependOnClassesThat(
                        com.tngtech.archunit.base.DescribedPredicate.or(
                                com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage(PLUGIN_SPI),
                                com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage("java..",
                                        "org.envforge.plugins.."),
                                com.tngtech.archunit.core.domain.JavaClass.Predicates.type(int.class).or(
                                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(""))))
                .check(classes);
    }

    @Test
    void dockerJavaStaysInTheDockerRuntime() {
        noClasses().that().resideInAPackage("org.envforge..").and().resideOutsideOfPackage("org.envforge.runtime.docker..")
                .should().dependOnClassesThat().resideInAnyPackage("com.github.dockerjava..")
                .check(classes);
    }

    @Test
    void fabric8StaysInTheKubernetesRuntime() {
        noClasses().that().resideInAPackage("org.envforge..").and().resideOutsideOfPackage("org.envforge.runtime.kubernetes..")
                .should().dependOnClassesThat().resideInAnyPackage("io.fabric8..")
                .check(classes);
    }

    @Test
    void langChain4jStaysInTheLlmAgents() {
        noClasses().that().resideInAPackage("org.envforge..").and().resideOutsideOfPackage("org.envforge.agent.llm..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.langchain4j..")
                .check(classes);
    }

    @Test
    void processAndX11PlumbingStaysInTheLocalRuntime() {
        noClasses().that().resideInAPackage("org.envforge..").and().resideOutsideOfPackage("org.envforge.runtime..")
                .and().resideOutsideOfPackage("org.envforge.host..")
                .should().callConstructor(ProcessBuilder.class, String[].class)
                .orShould().callConstructor(ProcessBuilder.class, java.util.List.class)
                .check(classes);
    }

    @Test
    void theCliNeverImportsViewsOrJavaFx() {
        noClasses().that().resideInAPackage("org.envforge.app.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("org.envforge.views..", "javafx..", "org.envforge.app.gui..")
                .check(classes);
    }

    @Test
    void sqlStaysInTheStore() {
        noClasses().that().resideInAPackage("org.envforge..").and().resideOutsideOfPackage("org.envforge.store..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..", "org.flywaydb..")
                .check(classes);
    }

    @Test
    void noCyclesBetweenPackages() {
        slices().matching("org.envforge.(**)").should().beFreeOfCycles().check(classes);
    }
}
