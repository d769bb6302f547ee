package cn.wildlife.events;

/** The data of one event type. The subject is the aggregate id: the record key and the CloudEvents subject. */
public interface EventPayload {
    String subject();
}
