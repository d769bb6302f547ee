package cn.wildlife.caseservice.intake;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IntakeProperties.class)
class IntakeConfiguration {

    @Bean
    IntakeKeys intakeKeys(IntakeProperties properties) {
        return new IntakeKeys(properties);
    }
}
