package cn.wildlife.support.kafka;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.apache.kafka.clients.consumer.Consumer;

/**
 * A consumer that runs a step before every offset commit, sync or async: what must hold before an offset may say a
 * record is done (its dead letter sent, the store's writes flushed). A step that throws fails the commit.
 */
final class BeforeCommit {

    private BeforeCommit() {}

    @SuppressWarnings("unchecked")
    static <K, V> Consumer<K, V> wrap(Consumer<K, V> consumer, Runnable step) {
        return (Consumer<K, V>) Proxy.newProxyInstance(
                BeforeCommit.class.getClassLoader(), new Class<?>[] {Consumer.class}, (proxy, method, args) -> {
                    if (method.getName().equals("commitSync")
                            || method.getName().equals("commitAsync")) {
                        step.run();
                    }
                    try {
                        return method.invoke(consumer, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
