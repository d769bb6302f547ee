package cn.wildlife.gateway;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The platform's only public door: routes every API to the service that owns it and serves one Swagger UI. */
@SpringBootApplication
public class GatewayApplication {

    public static final String NAME = "gateway";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(GatewayApplication.class)
                .main(GatewayApplication.class)
                .web(WebApplicationType.REACTIVE)
                .properties("spring.config.name=" + NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
