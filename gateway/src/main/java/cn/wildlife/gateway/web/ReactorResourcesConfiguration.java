package cn.wildlife.gateway.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * The gateway keeps its Netty event loops and connection pools to itself. With Reactor Netty's process-wide
 * resources, stopping one gateway (the local runtime restarting in a test JVM, say) would dispose the loops every
 * other web client in the process uses, such as a resource server fetching its signing keys.
 */
@Configuration(proxyBeanMethods = false)
class ReactorResourcesConfiguration {

    @Bean
    ReactorResourceFactory reactorResourceFactory() {
        ReactorResourceFactory factory = new ReactorResourceFactory();
        factory.setUseGlobalResources(false);
        return factory;
    }
}
