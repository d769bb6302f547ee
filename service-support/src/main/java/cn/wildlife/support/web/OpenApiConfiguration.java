package cn.wildlife.support.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Names each service's OpenAPI document after the service, so the gateway's Swagger UI tells them apart. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    @Bean
    OpenAPI serviceOpenApi(Environment environment) {
        String name = environment.getProperty("spring.application.name", "service");
        return new OpenAPI().info(new Info().title(name).version("v1").description(
                "Joint wildlife enforcement platform: " + name + ". Errors are RFC 9457 problem details; "
                        + "send Accept-Language: zh-CN for Chinese messages."));
    }
}
