package cn.wildlife.gateway.web;

import org.springframework.cloud.gateway.config.HttpClientCustomizer;
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

    /**
     * The call to a service runs on the event loops of the server that took the request, so that it usually stays on
     * the request's own thread; with Reactor Netty's global client loops every proxied request was handed to another
     * thread and its answer handed back.
     */
    @Bean
    HttpClientCustomizer onTheServersLoops(ReactorResourceFactory resources) {
        return client -> client.runOn(resources.getLoopResources());
    }
}
