package dev.zmq.spring.annotation;

import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.annotation.ReflectiveRuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.messaging.handler.annotation.Header;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Spring AOT records for a bean with {@code @ZmqListener} methods, as it does for {@code @MessageMapping}: the
 * methods for invocation, and the payload and reply types for JSON binding; header parameters get nothing.
 */
class ZmqListenerRuntimeHintsTest {

    record Order(String item, int quantity) {
    }

    record Receipt(String id) {
    }

    record Audit(String who) {
    }

    static class Listeners {
        @ZmqListener(socket = "orders")
        Receipt order(Order order, @Header("zmq_topic") String topic) {
            return new Receipt(order.item());
        }

        void notAListener(Audit audit) {
        }
    }

    @Test
    void listenerMethodsAndTheirPayloadAndReplyTypesGetHints() throws Exception {
        RuntimeHints hints = new RuntimeHints();
        new ReflectiveRuntimeHintsRegistrar().registerRuntimeHints(hints, Listeners.class);

        assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(
                Listeners.class.getDeclaredMethod("order", Order.class, String.class))).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onType(Order.class)
                .withMemberCategories(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onType(Receipt.class)).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onType(Audit.class)).rejects(hints);
        assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(
                Listeners.class.getDeclaredMethod("notAListener", Audit.class))).rejects(hints);
    }
}
