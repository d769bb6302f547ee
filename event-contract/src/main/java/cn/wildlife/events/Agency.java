package cn.wildlife.events;

import java.util.Locale;

/** The agencies on the platform; the code is what travels in events and tokens. */
public enum Agency {
    FORESTRY("林业和草原局", true),
    PUBLIC_SECURITY("公安机关", true),
    MARKET_SUPERVISION("市场监督管理局", true),
    AGRICULTURE("农业农村局", false),
    PROCURATORATE("人民检察院", false),
    SUPERVISION_OFFICE("森林资源监督专员办事处", false);

    private final String label;
    private final boolean publishesOwnTopics;

    Agency(String label, boolean publishesOwnTopics) {
        this.label = label;
        this.publishesOwnTopics = publishesOwnTopics;
    }

    public String label() {
        return label;
    }

    /** Whether the agency's own systems publish to an {@code agency.<agency>.*} topic pair. */
    public boolean publishesOwnTopics() {
        return publishesOwnTopics;
    }

    /** The agency's segment in topic names: lower case, words joined by '-' (Kafka warns when '.' and '_' mix). */
    public String topicSegment() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
