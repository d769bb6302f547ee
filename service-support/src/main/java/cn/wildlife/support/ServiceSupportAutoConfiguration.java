package cn.wildlife.support;

import cn.wildlife.audit.AuditRetention;
import cn.wildlife.audit.AuditTrail;
import cn.wildlife.events.EventCodec;
import cn.wildlife.support.audit.AuditFilter;
import cn.wildlife.support.audit.AuditProperties;
import cn.wildlife.support.audit.AuditRules;
import cn.wildlife.support.health.KafkaHealthIndicator;
import cn.wildlife.support.health.MongoPingHealthIndicator;
import cn.wildlife.support.kafka.DurableCommits;
import cn.wildlife.support.kafka.EventKafkaConfiguration;
import cn.wildlife.support.kafka.TopicSetup;
import cn.wildlife.support.outbox.Outbox;
import cn.wildlife.support.outbox.OutboxCollection;
import cn.wildlife.support.outbox.OutboxRelay;
import cn.wildlife.support.schedule.PeriodicJob;
import cn.wildlife.support.security.AuditController;
import cn.wildlife.support.security.AuditLog;
import cn.wildlife.support.security.ServiceSecurityConfiguration;
import cn.wildlife.support.tracing.EventTracing;
import cn.wildlife.support.web.OpenApiConfiguration;
import cn.wildlife.support.web.ProblemDetailsAdvice;
import cn.wildlife.support.web.Texts;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.bson.UuidRepresentation;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.kafka.core.KafkaTemplate;

/** What every service gets by depending on service-support. */
@AutoConfiguration
@EnableConfigurationProperties({PlatformProperties.class, AuditProperties.class})
@Import({
    EventKafkaConfiguration.class,
    ProblemDetailsAdvice.class,
    OpenApiConfiguration.class,
    ServiceSecurityConfiguration.class,
    AuditController.class
})
public class ServiceSupportAutoConfiguration {

    /**
     * The context's messages: the service's own {@code texts_en} / {@code texts_zh_CN} bundle in its application
     * package, then the problem titles every service shares. Named {@code messageSource}, so Spring's own problem
     * details and Bean Validation read it too.
     */
    @Bean
    MessageSource messageSource(BeanFactory beans) {
        List<String> basenames = new ArrayList<>();
        if (AutoConfigurationPackages.has(beans)) {
            AutoConfigurationPackages.get(beans).stream()
                    .map(p -> p + ".texts")
                    .filter(b -> new ClassPathResource(b.replace('.', '/') + "_en.properties").exists())
                    .forEach(basenames::add);
        }
        basenames.add("cn.wildlife.support.web.problems");
        return Texts.bundles(basenames.toArray(String[]::new));
    }

    @Bean
    Texts texts(MessageSource messageSource) {
        return new Texts(messageSource);
    }

    @Bean
    MongoClientSettingsBuilderCustomizer standardUuids() {
        return settings -> settings.uuidRepresentation(UuidRepresentation.STANDARD);
    }

    /** The service's own database: the one named in {@code spring.mongodb.uri} (or {@code .database}). */
    @Bean
    MongoDatabase serviceDatabase(MongoClient client, MongoProperties properties) {
        return client.getDatabase(properties.getMongoClientDatabase());
    }

    @Bean("mongoHealthIndicator")
    MongoPingHealthIndicator mongoHealthIndicator(MongoClient client, MongoProperties properties) {
        return new MongoPingHealthIndicator(client, properties.getMongoClientDatabase());
    }

    @Bean("kafkaHealthIndicator")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaProperties kafka) {
        return new KafkaHealthIndicator(kafka.buildAdminProperties(), Duration.ofSeconds(3));
    }

    @Bean
    TopicSetup topicSetup(KafkaProperties kafka, PlatformProperties platform) {
        return new TopicSetup(kafka.buildAdminProperties(), platform.topics());
    }

    @Bean
    MeterRegistryCustomizer<MeterRegistry> commonTags(Environment environment) {
        String application = environment.getProperty("spring.application.name", "unknown");
        return registry -> registry.config().commonTags("application", application, "platform", "wildlife");
    }

    /** Time comes from one bean so tests can fix it; Asia/Shanghai is the platform's legal time zone. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(ZoneId.of("Asia/Shanghai"));
    }

    /** Tracing is on where a collector is named (docs/operations.md, Tracing); otherwise Boot's tracer is a no-op. */
    @Bean
    EventTracing eventTracing(ObjectProvider<Tracer> tracer) {
        return new EventTracing(tracer.getIfAvailable(() -> Tracer.NOOP));
    }

    @Bean
    Outbox outbox(EventCodec codec, EventTracing eventTracing) {
        return new Outbox(codec, eventTracing);
    }

    @Bean
    @ConditionalOnProperty(name = "platform.outbox.enabled", matchIfMissing = true)
    OutboxRelay outboxRelay(
            ObjectProvider<OutboxCollection> collections,
            KafkaTemplate<String, CloudEvent> cloudEventTemplate,
            PlatformProperties platform,
            MeterRegistry meters,
            Outbox outbox,
            EventTracing eventTracing,
            MongoClient mongo) {
        List<com.mongodb.client.MongoCollection<org.bson.Document>> watched =
                collections.orderedStream().map(OutboxCollection::collection).toList();
        return new OutboxRelay(
                watched,
                cloudEventTemplate,
                platform.outbox().pollInterval(),
                platform.outbox().batchSize(),
                meters,
                outbox,
                eventTracing,
                platform.consumer().syncStore() ? DurableCommits.fsync(mongo) : () -> {});
    }

    /** The audit log's trail: the one chain of this service (docs/audit.md). */
    @Bean
    AuditTrail auditTrail(AuditLog log) {
        return log.trail();
    }

    /**
     * Around the security filters, so that a request the token check refused (401) is recorded too; the request
     * size limit may run before it.
     */
    @Bean
    FilterRegistrationBean<AuditFilter> auditFilter(AuditTrail trail, AuditProperties audit, Clock clock) {
        FilterRegistrationBean<AuditFilter> registration =
                new FilterRegistrationBean<>(new AuditFilter(trail, new AuditRules(audit), clock));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** After the security filters (order -100): the token is verified there, and its caller known. */
    @Bean
    FilterRegistrationBean<AuditFilter.CallerCapture> auditCallerCapture() {
        FilterRegistrationBean<AuditFilter.CallerCapture> registration =
                new FilterRegistrationBean<>(new AuditFilter.CallerCapture());
        registration.setOrder(0);
        return registration;
    }

    /** Entries past {@code platform.audit.retention} removed from the oldest end, every retention interval. */
    @Bean
    PeriodicJob auditRetention(AuditTrail trail, AuditProperties audit, Clock clock) {
        AuditRetention retention = new AuditRetention(trail, audit.retention(), clock);
        return new PeriodicJob("audit-retention", audit.retentionInterval(), retention::removeExpired);
    }
}
