package cn.wildlife.notification.alert;

import cn.wildlife.support.outbox.OutboxCollection;
import com.mongodb.client.MongoDatabase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AlertConfiguration {

    /** The missing-year alerts leave through the relay: declared on the collection, as the component needs the relay. */
    @Bean
    OutboxCollection calendarGapOutbox(MongoDatabase database) {
        return new OutboxCollection(database.getCollection(CalendarGapAlerts.COLLECTION));
    }
}
