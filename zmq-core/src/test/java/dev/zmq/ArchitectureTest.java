package dev.zmq;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering of docs/ARCHITECTURE.md ("Layers, as ArchitectureTest checks them"), checked on zmq-core's classes: the api ({@code dev.zmq})
 * uses transports, routing rules, I/O, security and pipes; transports drive the I/O layer; I/O drives wire and
 * security and fills pipes; nothing below reaches up, and the sub-packages have no cycles. Below the api, code may
 * use the api's value types (messages, frames, options, socket types, errors) and nothing else of it, so no cycle
 * runs through {@code dev.zmq} either.
 */
class ArchitectureTest {

    /** The api's value types every layer speaks in. */
    private static final Set<String> VOCABULARY = Set.of("ZmqMessage", "Frame", "ZmqException", "ErrorCode",
            "SocketType", "SocketOption", "SocketOptions");

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.zmq");

    private static final DescribedPredicate<JavaClass> API_BEYOND_VALUE_TYPES = new DescribedPredicate<>(
            "api classes other than its value types " + VOCABULARY) {
        @Override
        public boolean test(JavaClass c) {
            return c.getPackageName().equals("dev.zmq") && !VOCABULARY.contains(outer(c).getSimpleName());
        }
    };

    private static final DescribedPredicate<JavaClass> VALUE_TYPES = new DescribedPredicate<>(
            "the api's value types " + VOCABULARY) {
        @Override
        public boolean test(JavaClass c) {
            return c.getPackageName().equals("dev.zmq") && VOCABULARY.contains(outer(c).getSimpleName());
        }
    };

    private static JavaClass outer(JavaClass c) {
        return c.getEnclosingClass().map(ArchitectureTest::outer).orElse(c);
    }

    @Test
    void layersOnlyReachDown() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("api").definedBy(API_BEYOND_VALUE_TYPES)
                .layer("transport").definedBy("dev.zmq.transport..")
                .layer("pattern").definedBy("dev.zmq.pattern..")
                .layer("io").definedBy("dev.zmq.io..")
                .layer("security").definedBy("dev.zmq.security..")
                .layer("wire").definedBy("dev.zmq.wire..")
                .layer("pipe").definedBy("dev.zmq.pipe..")
                .layer("monitor").definedBy("dev.zmq.monitor..")
                .layer("majordomo").definedBy("dev.zmq.majordomo..")
                .whereLayer("majordomo").mayNotBeAccessedByAnyLayer()
                .whereLayer("api").mayOnlyBeAccessedByLayers("majordomo")
                .whereLayer("transport").mayOnlyBeAccessedByLayers("api")
                .whereLayer("pattern").mayOnlyBeAccessedByLayers("api")
                .whereLayer("io").mayOnlyBeAccessedByLayers("api", "transport")
                .whereLayer("security").mayOnlyBeAccessedByLayers("api", "io")
                .whereLayer("wire").mayOnlyBeAccessedByLayers("api", "transport", "pattern", "io", "security")
                .whereLayer("pipe").mayOnlyBeAccessedByLayers("api", "transport", "pattern", "io")
                .check(CORE);
    }

    @Test
    void belowTheApiOnlyItsValueTypesAreUsed() {
        noClasses().that().resideOutsideOfPackages("dev.zmq", "dev.zmq.majordomo..")
                .should().dependOnClassesThat(API_BEYOND_VALUE_TYPES)
                .check(CORE);
    }

    @Test
    void valueTypesDependOnNothingBelow() {
        classes().that(VALUE_TYPES)
                .should().onlyDependOnClassesThat().resideOutsideOfPackages("dev.zmq.(*)..")
                .check(CORE);
    }

    @Test
    void subPackagesHaveNoCycles() {
        slices().matching("dev.zmq.(*)..").should().beFreeOfCycles().check(CORE);
    }
}
