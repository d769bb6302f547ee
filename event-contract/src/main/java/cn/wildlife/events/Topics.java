package cn.wildlife.events;

import cn.wildlife.events.cases.CaseChanged;
import cn.wildlife.events.clue.ClueStepTaken;
import cn.wildlife.events.transfer.TransferStepTaken;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The topic catalogue. Agencies write only their own {@code agency.<agency>.*} pair (one ACL per agency); the
 * platform's services publish their facts to {@code platform.*}. Every topic has a dead-letter twin with the same
 * number of partitions, so a poison record keeps its partition there.
 */
public final class Topics {

    public static final int PARTITIONS = 6;
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    /**
     * The largest event the contract accepts, uncompressed ({@code EventDeserializer} refuses a larger one), and the
     * topics' {@code max.message.bytes}. The broker applies its limit to a compressed batch, so a consumer can still
     * be handed a larger record: it is refused by size and dead-lettered without its payload.
     */
    public static final int MAX_EVENT_BYTES = 1024 * 1024;

    /**
     * The dead-letter twins' {@code max.message.bytes} and the dead-letter producer's {@code max.request.size}: room
     * for the largest accepted event with its headers and the reason headers added to it.
     */
    public static final int MAX_DEAD_LETTER_BYTES = 2 * MAX_EVENT_BYTES;

    public static final String PLATFORM_CLUES = "platform.clues";
    public static final String PLATFORM_CASES = "platform.cases";
    public static final String PLATFORM_TRANSFERS = "platform.transfers";
    public static final String PLATFORM_INSPECTIONS = "platform.inspections";
    public static final String PLATFORM_OPERATIONS = "platform.operations";
    public static final String PLATFORM_DEADLINES = "platform.deadlines";
    public static final String PLATFORM_ALERTS = "platform.alerts";
    public static final String PLATFORM_SPECIES = "platform.species";

    /** One documented topic. */
    public record Topic(String name, String description, Set<EventType> eventTypes, String writer) {}

    private Topics() {}

    public static String agencyClues(Agency agency) {
        return "agency." + agency.topicSegment() + ".clues";
    }

    public static String agencyCases(Agency agency) {
        return "agency." + agency.topicSegment() + ".cases";
    }

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    public static boolean isDeadLetter(String topic) {
        return topic.endsWith(DEAD_LETTER_SUFFIX);
    }

    /** The size limit a topic of the catalogue is created with ({@code max.message.bytes}). */
    public static int maxMessageBytes(String topic) {
        return isDeadLetter(topic) ? MAX_DEAD_LETTER_BYTES : MAX_EVENT_BYTES;
    }

    /** The agency that owns an {@code agency.<agency>.*} topic, if the topic is one. */
    public static Optional<Agency> agencyOf(String topic) {
        return Arrays.stream(Agency.values())
                .filter(Agency::publishesOwnTopics)
                .filter(a -> topic.equals(agencyClues(a)) || topic.equals(agencyCases(a)))
                .findFirst();
    }

    public static List<String> allAgencyCaseTopics() {
        return Arrays.stream(Agency.values())
                .filter(Agency::publishesOwnTopics)
                .map(Topics::agencyCases)
                .toList();
    }

    public static List<String> allAgencyClueTopics() {
        return Arrays.stream(Agency.values())
                .filter(Agency::publishesOwnTopics)
                .map(Topics::agencyClues)
                .toList();
    }

    /** Every topic the platform uses, without the dead-letter twins. */
    public static List<Topic> catalogue() {
        List<Topic> topics = new ArrayList<>();
        for (Agency agency : Agency.values()) {
            if (!agency.publishesOwnTopics()) {
                continue;
            }
            topics.add(new Topic(
                    agencyClues(agency),
                    "Clues recorded by " + agency.name() + "'s own systems (" + agency.label() + ").",
                    Set.of(EventType.CLUE_REPORTED),
                    agency.name()));
            topics.add(new Topic(
                    agencyCases(agency),
                    "Cases recorded by " + agency.name() + "'s own systems (" + agency.label()
                            + ") and the transfer steps they take.",
                    Set.of(EventType.CASE_REPORTED, EventType.TRANSFER_STEP_REQUESTED),
                    agency.name()));
        }
        topics.add(new Topic(
                PLATFORM_CLUES,
                "Clues as case-service recorded them, the steps of their life and "
                        + "the links found between agencies' records (never the reporter's identity).",
                Arrays.stream(EventType.values())
                        .filter(t -> t == EventType.CLUE_RECORDED
                                || t == EventType.RECORDS_LINKED
                                || t.payloadType() == ClueStepTaken.class)
                        .collect(java.util.stream.Collectors.toUnmodifiableSet()),
                "case-service"));
        topics.add(new Topic(
                PLATFORM_CASES,
                "Cases as case-service keeps them, after each change (never the parties' " + "personal data).",
                Arrays.stream(EventType.values())
                        .filter(t -> t.payloadType() == CaseChanged.class)
                        .collect(java.util.stream.Collectors.toUnmodifiableSet()),
                "case-service"));
        topics.add(new Topic(
                PLATFORM_TRANSFERS,
                "Transfer steps of suspected crimes (两法衔接).",
                Arrays.stream(EventType.values())
                        .filter(t -> t.payloadType() == TransferStepTaken.class)
                        .collect(java.util.stream.Collectors.toUnmodifiableSet()),
                "case-service"));
        topics.add(new Topic(
                PLATFORM_INSPECTIONS,
                "Facilities, inspections and rectifications.",
                Set.of(
                        EventType.FACILITY_REGISTERED,
                        EventType.FACILITY_LEDGER_CHANGED,
                        EventType.FACILITY_MEASURE_APPLIED,
                        EventType.FACILITY_MEASURE_LIFTED,
                        EventType.INSPECTION_DRAW_MADE,
                        EventType.INSPECTION_DRAW_PUBLISHED,
                        EventType.INSPECTION_PLANNED,
                        EventType.INSPECTION_RECORDED,
                        EventType.INSPECTION_CRIME_SUSPECTED,
                        EventType.RECTIFICATION_ORDERED,
                        EventType.RECTIFICATION_ACCEPTED,
                        EventType.RECTIFICATION_REJECTED),
                "inspection-service"));
        topics.add(new Topic(
                PLATFORM_OPERATIONS,
                "Joint special operations: entered, sorties, report submissions.",
                Set.of(
                        EventType.OPERATION_ENTERED,
                        EventType.OPERATION_SORTIE_RECORDED,
                        EventType.OPERATION_REPORT_SUBMITTED),
                "inspection-service"));
        topics.add(new Topic(
                PLATFORM_SPECIES,
                "The species catalogue's changes, keyed by the one catalogue so " + "they stay in order.",
                Set.of(EventType.SPECIES_CATALOGUE_CHANGED),
                "case-service"));
        topics.add(new Topic(
                PLATFORM_DEADLINES,
                "Deadlines opened and extended.",
                Set.of(EventType.DEADLINE_OPENED, EventType.DEADLINE_EXTENDED),
                "notification-service"));
        topics.add(new Topic(
                PLATFORM_ALERTS,
                "Approaching, overdue and escalated alerts; a missing holiday calendar.",
                Set.of(EventType.ALERT_RAISED),
                "notification-service"));
        return List.copyOf(topics);
    }

    /** Every topic name including the dead-letter twins: what an installation creates before anyone produces. */
    public static List<String> allNamesWithDeadLetters() {
        List<String> names = new ArrayList<>();
        for (Topic topic : catalogue()) {
            names.add(topic.name());
            names.add(deadLetter(topic.name()));
        }
        return names;
    }
}
