package cn.wildlife.support.kafka;

import cn.wildlife.events.Envelope;
import cn.wildlife.events.EventCodec;
import cn.wildlife.events.InvalidEventException;
import cn.wildlife.events.Topics;
import cn.wildlife.events.kafka.EventDeserializer;
import cn.wildlife.events.kafka.EventSerializer;
import cn.wildlife.support.PlatformProperties;
import cn.wildlife.support.security.Access;
import com.mongodb.MongoException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * How every service produces and consumes contract events. Producers are idempotent with {@code acks=all}. A
 * consumer never loses and never loops: an unreadable or invalid event goes to {@code <topic>.dlt} at once with its
 * reason, before any listener sees it ({@link UnreadableEvents}); any other failure is retried a few times with
 * back-off, then dead-lettered. The batch's offsets are committed once its dead letters landed, or, for a record whose
 * dead letter could not be written within {@code platform.consumer.dead-letter-timeout}, once it is in the
 * {@link Quarantine} ({@link DeadLetters}): a record's own fault holds its partition that long at most.
 *
 * <p>A failure while the store is away is another matter: it is never the event's fault, so it is retried without
 * limit and nothing is committed meanwhile (nothing is skipped, nothing quarantined); the partition waits for the
 * store, as every consumer of that store must.
 *
 * <p>Every producer and consumer built here exports its Kafka client metrics ({@code kafka.producer.*},
 * {@code kafka.consumer.*}); the factories are not Spring Boot's, which would otherwise bind them. A consumer's are
 * tagged with its group ({@link GroupConsumerMetrics}): its lag per partition is how far the group is behind.
 */
@Configuration(proxyBeanMethods = false)
public class EventKafkaConfiguration {

    /** Bean name of the listener container factory for contract events. */
    public static final String EVENT_LISTENER_FACTORY = "eventListenerFactory";
    /** Bean name of the factory for listeners that apply a polled batch of contract events at once. */
    public static final String EVENT_BATCH_LISTENER_FACTORY = "eventBatchListenerFactory";

    private final MeterRegistry meters;

    public EventKafkaConfiguration(MeterRegistry meters) {
        this.meters = meters;
    }

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    KafkaTemplate<String, Envelope<?>> eventTemplate(KafkaProperties kafka, EventCodec codec) {
        DefaultKafkaProducerFactory<String, Envelope<?>> factory = new DefaultKafkaProducerFactory<>(
                producerProperties(kafka), new StringSerializer(), new EventSerializer(codec));
        exportClientMetrics(factory, "eventTemplate");
        KafkaTemplate<String, Envelope<?>> template = new KafkaTemplate<>(factory);
        template.setObservationEnabled(true);
        return template;
    }

    /** Publishes already-built CloudEvents (the outbox keeps them whole, trace context included). */
    @Bean
    KafkaTemplate<String, CloudEvent> cloudEventTemplate(KafkaProperties kafka) {
        CloudEventSerializer serializer = new CloudEventSerializer();
        serializer.configure(Map.of(), false);
        DefaultKafkaProducerFactory<String, CloudEvent> factory =
                new DefaultKafkaProducerFactory<>(producerProperties(kafka), new StringSerializer(), serializer);
        exportClientMetrics(factory, "cloudEventTemplate");
        KafkaTemplate<String, CloudEvent> template = new KafkaTemplate<>(factory);
        template.setObservationEnabled(true);
        return template;
    }

    /**
     * Writes dead letters: the bytes of records that could not be read, and events a listener failed on. Its own
     * producer, allowed records up to the dead-letter topics' limit (twice an event's) and waiting less for a topic's
     * metadata than a record may hold its partition ({@link DeadLetters}); the services' own events keep the stock
     * limits.
     */
    @Bean
    KafkaTemplate<String, Object> deadLetterTemplate(KafkaProperties kafka, EventCodec codec) {
        Map<String, Object> props = producerProperties(kafka);
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_DEAD_LETTER_BYTES);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) DEAD_LETTER_MAX_BLOCK.toMillis());
        Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
        byType.put(byte[].class, new ByteArraySerializer());
        byType.put(Envelope.class, new EventSerializer(codec));
        DefaultKafkaProducerFactory<String, Object> factory = new DefaultKafkaProducerFactory<>(
                props, new StringSerializer(), new DelegatingByTypeSerializer(byType));
        exportClientMetrics(factory, "deadLetterTemplate");
        KafkaTemplate<String, Object> template = new KafkaTemplate<>(factory);
        // Every template observes the same way, or Prometheus refuses the second set of tag keys.
        template.setObservationEnabled(true);
        return template;
    }

    @Bean
    Quarantine kafkaQuarantine(MongoDatabase serviceDatabase, PlatformProperties platform, Clock clock) {
        return new Quarantine(serviceDatabase, platform.consumer().quarantineSize(), meters, clock);
    }

    @Bean
    QuarantineController quarantineController(Quarantine kafkaQuarantine, Access access) {
        return new QuarantineController(kafkaQuarantine, access);
    }

    /** Longest a dead-letter send waits for its topic's metadata (the stock 60 s would outlast the timeout). */
    private static final Duration DEAD_LETTER_MAX_BLOCK = Duration.ofSeconds(5);

    @Bean(EVENT_LISTENER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, Envelope<?>> eventListenerFactory(
            KafkaProperties kafka,
            EventCodec codec,
            PlatformProperties platform,
            KafkaTemplate<String, Object> deadLetterTemplate,
            Quarantine kafkaQuarantine,
            MongoClient mongo) {
        DeadLetterPublishingRecoverer recoverer =
                deadLetters(deadLetterTemplate, kafkaQuarantine, platform, codec, meters);
        ConcurrentKafkaListenerContainerFactory<String, Envelope<?>> factory =
                factory(EVENT_LISTENER_FACTORY, kafka, codec, platform, recoverer, mongo);
        factory.setRecordInterceptor(UnreadableEvents.turningAway(recoverer));
        return factory;
    }

    /**
     * For listeners that apply a polled batch at once through {@link EventBatches}: the same consumers, commits and
     * error handling, the records handed over together (unreadable ones included: {@link EventBatches} turns them
     * away).
     */
    @Bean(EVENT_BATCH_LISTENER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, Envelope<?>> eventBatchListenerFactory(
            KafkaProperties kafka,
            EventCodec codec,
            PlatformProperties platform,
            KafkaTemplate<String, Object> deadLetterTemplate,
            Quarantine kafkaQuarantine,
            MongoClient mongo) {
        ConcurrentKafkaListenerContainerFactory<String, Envelope<?>> factory = factory(
                EVENT_BATCH_LISTENER_FACTORY,
                kafka,
                codec,
                platform,
                deadLetters(deadLetterTemplate, kafkaQuarantine, platform, codec, meters),
                mongo);
        factory.setBatchListener(true);
        // A batch listener is timed by spring-kafka's own timer, not by an observation, under the same meter name
        // with other tags: Prometheus then refused the record listeners' meters of the whole service. Its consumer
        // lag and the store's timings still show how it does.
        factory.getContainerProperties().setMicrometerEnabled(false);
        return factory;
    }

    @Bean
    EventBatches eventBatches(
            KafkaTemplate<String, Object> deadLetterTemplate,
            Quarantine kafkaQuarantine,
            PlatformProperties platform,
            EventCodec codec) {
        return new EventBatches(deadLetters(deadLetterTemplate, kafkaQuarantine, platform, codec, meters));
    }

    static DeadLetterPublishingRecoverer deadLetters(
            KafkaTemplate<String, Object> deadLetterTemplate,
            Quarantine quarantine,
            PlatformProperties platform,
            EventCodec codec,
            MeterRegistry meters) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetters(
                deadLetterTemplate,
                (record, ex) -> new TopicPartition(Topics.deadLetter(record.topic()), record.partition()),
                quarantine,
                platform.consumer().deadLetterTimeout(),
                new EventSerializer(codec),
                meters);
        recoverer.setHeadersFunction(DeadLetterReason::headers);
        // The catalogue creates every dead-letter twin with its topic's partitions (Topics); checking that again
        // asked the broker for the topic's metadata once per poison record, which set the pace of dead-lettering.
        recoverer.setVerifyPartition(false);
        return recoverer;
    }

    private ConcurrentKafkaListenerContainerFactory<String, Envelope<?>> factory(
            String name,
            KafkaProperties kafka,
            EventCodec codec,
            PlatformProperties platform,
            DeadLetterPublishingRecoverer recoverer,
            MongoClient mongo) {
        Map<String, Object> props = new HashMap<>(kafka.buildConsumerProperties());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        @SuppressWarnings({"unchecked", "rawtypes"})
        Deserializer<Envelope<?>> events = (Deserializer) UnreadableEvents.reader(new EventDeserializer(codec));
        DefaultKafkaConsumerFactory<String, Envelope<?>> consumers =
                new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(), events);
        // Not a bean: named here, or every client's spring.id tag would read "not.managed.by.Spring".
        consumers.setBeanName(name);
        consumers.addListener(new GroupConsumerMetrics<>(meters));
        if (platform.consumer().syncStore()) {
            // Inside the dead letters' wrapper: a quarantined record's entry is flushed with the batch's writes.
            Runnable fsync = DurableCommits.fsync(mongo);
            consumers.addPostProcessor(consumer -> DurableCommits.flushingFirst(consumer, fsync));
        }
        consumers.addPostProcessor(DeadLetters::committingAfterDeadLetters);

        PlatformProperties.Consumer retry = platform.consumer();
        DefaultErrorHandler errors = new DefaultErrorHandler(recoverer, bounded(retry));
        errors.addNotRetryableExceptions(InvalidEventException.class);
        // An unreadable record reaches the error handler only when the interceptor could not turn it away: it is
        // recovered (dead-lettered, or quarantined when that fails) without retries.
        errors.setBackOffFunction((record, ex) -> UnreadableEvents.unreadable(record) != null
                ? new FixedBackOff(0, 0)
                : storeAway(ex) ? unbounded(retry) : null);
        // Retry and recover in memory instead of seeking back and fetching the rest of the batch again: with a seek,
        // every poison record cost a fetch round trip, and 300 of them mixed into good load cut the good events'
        // rate by 90 % (fault tests). The records after the failed one are kept and applied in order all the same
        // (a batch listener gets them again, from the failed one on, or after it once it was dead-lettered).
        errors.setSeekAfterError(false);

        ConcurrentKafkaListenerContainerFactory<String, Envelope<?>> factory =
                new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(consumers);
        factory.setCommonErrorHandler(errors);
        // Offsets are committed once per polled batch, after every record in it was applied (or dead-lettered):
        // a commit per record cost a round trip to the broker per event. A crash replays at most that batch, which
        // the consumers' event-id checks absorb.
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        factory.getContainerProperties().setObservationEnabled(true);
        String instance = platform.consumer().instanceId();
        if (!instance.isBlank()) {
            // Unique within each group: one listener per group, and spring-kafka suffixes concurrent consumers.
            factory.setContainerCustomizer(container -> container
                    .getContainerProperties()
                    .getKafkaConsumerProperties()
                    .setProperty(
                            ConsumerConfig.GROUP_INSTANCE_ID_CONFIG,
                            instance + "-"
                                    + Objects.requireNonNullElse(
                                            container.getListenerId(),
                                            container.getContainerProperties().getGroupId())));
        }
        return factory;
    }

    /**
     * Named after its template: not a bean either, its clients' spring.id tag would not say whose they are. Its meters
     * carry the consumers' group tag too, empty: a producer and a consumer share one meter name
     * ({@code kafka.app.info.start.time.ms}), which Prometheus takes with one set of tag keys only, and an empty label
     * is no label once scraped.
     */
    private void exportClientMetrics(DefaultKafkaProducerFactory<?, ?> factory, String template) {
        factory.setBeanName(template);
        factory.addListener(new MicrometerProducerListener<>(meters, List.of(GroupConsumerMetrics.NO_GROUP)));
    }

    static Map<String, Object> producerProperties(KafkaProperties kafka) {
        Map<String, Object> props = new HashMap<>(kafka.buildProducerProperties());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 1);
        return props;
    }

    private static BackOff bounded(PlatformProperties.Consumer retry) {
        ExponentialBackOff backOff =
                new ExponentialBackOff(retry.initialBackOff().toMillis(), 2.0);
        backOff.setMaxInterval(retry.maxBackOff().toMillis());
        backOff.setMaxAttempts(Math.max(0, retry.attempts() - 1));
        return backOff;
    }

    private static BackOff unbounded(PlatformProperties.Consumer retry) {
        ExponentialBackOff backOff =
                new ExponentialBackOff(retry.initialBackOff().toMillis(), 2.0);
        backOff.setMaxInterval(retry.maxBackOff().toMillis());
        return backOff;
    }

    /** The store being unreachable is never the event's fault: wait for it rather than dead-letter a good event. */
    static boolean storeAway(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MongoSocketException
                    || t instanceof MongoTimeoutException
                    || t instanceof com.mongodb.MongoNotPrimaryException
                    || t instanceof com.mongodb.MongoNodeIsRecoveringException) {
                return true;
            }
            if (t instanceof MongoException mongo
                    && (mongo.hasErrorLabel("RetryableWriteError")
                            || mongo.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL))) {
                return true;
            }
        }
        return false;
    }
}
