package dev.zmq.spring;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * zmq-spring's layering, as docs/ARCHITECTURE.md draws it: annotation -> config -> listener -> core, metrics,
 * support; core -> metrics, support; integration -> config, listener, core, support; mongrel2 -> config, listener,
 * core, support, metrics (and nothing uses mongrel2); metrics observes listeners
 * through its own interfaces and depends on no other package of ours; support depends on none. No cycles between
 * packages, and zmq-core's internals stay out of sight.
 */
class ArchitectureTest {

    private static final JavaClasses SPRING = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.zmq.spring");

    @Test
    void layersOnlyReachDown() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("annotation").definedBy("dev.zmq.spring.annotation..")
                .layer("integration").definedBy("dev.zmq.spring.integration..")
                .layer("mongrel2").definedBy("dev.zmq.spring.mongrel2..")
                .layer("config").definedBy("dev.zmq.spring.config..")
                .layer("listener").definedBy("dev.zmq.spring.listener..")
                .layer("core").definedBy("dev.zmq.spring.core..")
                .layer("metrics").definedBy("dev.zmq.spring.metrics..")
                .layer("support").definedBy("dev.zmq.spring.support..")
                .whereLayer("annotation").mayNotBeAccessedByAnyLayer()
                .whereLayer("integration").mayNotBeAccessedByAnyLayer()
                .whereLayer("mongrel2").mayNotBeAccessedByAnyLayer()
                .whereLayer("config").mayOnlyBeAccessedByLayers("annotation", "integration", "mongrel2")
                .whereLayer("listener").mayOnlyBeAccessedByLayers("config", "integration", "mongrel2")
                .whereLayer("core").mayOnlyBeAccessedByLayers("config", "listener", "integration", "mongrel2")
                .whereLayer("metrics").mayOnlyBeAccessedByLayers("config", "listener", "core", "mongrel2")
                .whereLayer("support").mayOnlyBeAccessedByLayers("annotation", "integration", "config", "listener",
                        "core", "metrics", "mongrel2")
                .check(SPRING);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.zmq.spring.(**)").should().beFreeOfCycles().check(SPRING);
    }

    @Test
    void zmqCoreIsUsedThroughItsPublicApiOnly() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.zmq.io..", "dev.zmq.wire..",
                "dev.zmq.pipe..", "dev.zmq.pattern..", "dev.zmq.transport..")
                .check(SPRING);
    }
}
