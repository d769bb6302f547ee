package cn.wildlife.gateway.apikey;

import cn.wildlife.gateway.signing.SigningKey;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.util.Map;
import org.bson.UuidRepresentation;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** API keys: their store (the gateway's own database), the check, and the gateway's token for the services. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiKeyProperties.class)
@ConditionalOnProperty(name = "platform.gateway.api-keys.enabled", havingValue = "true", matchIfMissing = true)
public class ApiKeyConfiguration {

    @Bean(destroyMethod = "close")
    MongoClient gatewayMongoClient(ApiKeyProperties properties) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(properties.mongodbUri()))
                .uuidRepresentation(UuidRepresentation.STANDARD)
                .build());
    }

    /** The gateway's own database: its API keys and its audit trail. */
    @Bean
    MongoDatabase gatewayDatabase(MongoClient gatewayMongoClient, ApiKeyProperties properties) {
        String database = new ConnectionString(properties.mongodbUri()).getDatabase();
        return gatewayMongoClient.getDatabase(database == null ? "gateway" : database);
    }

    @Bean
    ApiKeys apiKeys(MongoDatabase gatewayDatabase, ApiKeyProperties properties) {
        return new ApiKeys(new ApiKeyStore(gatewayDatabase), Clock.systemUTC(), properties.cacheFor());
    }

    @Bean
    SigningKey gatewaySigningKey(ApiKeyProperties properties) {
        return SigningKey.loadOrCreate(properties.keyFile());
    }

    @Bean
    ApiKeyTokenFilter apiKeyTokenFilter(SigningKey gatewaySigningKey, ApiKeyProperties properties) {
        return new ApiKeyTokenFilter(gatewaySigningKey, properties, Clock.systemUTC());
    }

    /** Authenticates requests that carry {@code X-API-Key}; a wrong, unknown or revoked key is a 401. */
    public static AuthenticationWebFilter authenticationFilter(
            ApiKeys keys, org.springframework.security.web.server.ServerAuthenticationEntryPoint entryPoint) {
        ReactiveAuthenticationManager manager = authentication -> Mono.fromCallable(
                        () -> keys.check(String.valueOf(authentication.getCredentials())))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(found -> found.<Mono<org.springframework.security.core.Authentication>>map(
                                key -> Mono.just(new ApiKeyAuthentication(key)))
                        .orElseGet(() -> Mono.error(new BadCredentialsException("unknown or revoked API key"))));
        AuthenticationWebFilter filter = new AuthenticationWebFilter(manager);
        ServerAuthenticationConverter converter = exchange -> Mono.justOrEmpty(
                        exchange.getRequest().getHeaders().getFirst(ApiKeyTokenFilter.HEADER))
                .map(presented -> new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
                        "api-key", presented));
        filter.setServerAuthenticationConverter(converter);
        filter.setAuthenticationFailureHandler(
                new org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler(
                        entryPoint));
        return filter;
    }

    /** The public half of the gateway's signing key, for the services. */
    @RestController
    @ConditionalOnProperty(name = "platform.gateway.api-keys.enabled", havingValue = "true", matchIfMissing = true)
    static class GatewayKeys {

        private final SigningKey key;

        GatewayKeys(SigningKey key) {
            this.key = key;
        }

        @GetMapping("/auth/gateway/jwks.json")
        Map<String, Object> jwks() {
            return key.jwks();
        }
    }
}
