package cn.wildlife.notification.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeliveryProperties.class)
class DeliveryConfiguration {

    @Bean
    DeliveryChannels deliveryChannels(List<DeliveryChannel> channels) {
        return new DeliveryChannels(channels);
    }

    @Bean
    DeliveryWorker deliveryWorker(
            DeliveryStore store,
            DeliveryChannels channels,
            DeliveryProperties properties,
            Clock clock,
            MeterRegistry meters) {
        return new DeliveryWorker(store, channels, properties, clock, meters);
    }
}
