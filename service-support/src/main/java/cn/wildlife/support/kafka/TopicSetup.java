package cn.wildlife.support.kafka;

import cn.wildlife.events.tools.TopicInstaller;
import cn.wildlife.support.PlatformProperties;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.context.SmartLifecycle;

/**
 * Makes sure the catalogue's topics exist, with leaders, before any listener or producer of this service starts
 * (phase before spring-kafka's containers). Creating an existing topic is a no-op, so every instance may do it.
 */
public class TopicSetup implements SmartLifecycle {

    private final Map<String, Object> adminProperties;
    private final PlatformProperties.Topics settings;
    private volatile boolean running;

    public TopicSetup(Map<String, Object> adminProperties, PlatformProperties.Topics settings) {
        this.adminProperties = adminProperties;
        this.settings = settings;
    }

    @Override
    public void start() {
        if (settings.create()) {
            // The service's own client settings (SASL included): on an authenticated broker this needs a principal
            // allowed to create topics, which a deployment gives its installer rather than its services.
            Map<String, Object> props = new HashMap<>(adminProperties);
            if (props.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG) instanceof Iterable<?> list) {
                props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", (Iterable<String>) list));
            }
            TopicInstaller.installCatalogue(props, settings.replicationFactor(), settings.createTimeout());
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 100;
    }
}
