package cn.wildlife.caseservice.cases;

import cn.wildlife.events.Agency;
import java.time.Instant;
import org.bson.Document;

/** One entry of the timeline. */
record TimelineEntry(
        long version,
        Instant at,
        String change,
        String summary,
        String by,
        String byName,
        Agency byAgency,
        String door,
        java.util.Map<String, Object> details) {
    static TimelineEntry of(Document d) {
        java.util.Map<String, Object> details = new java.util.LinkedHashMap<>();
        Document raw = d.get("details", Document.class);
        if (raw != null) {
            raw.forEach((k, v) -> details.put(k, v instanceof java.util.Date date ? date.toInstant() : v));
        }
        return new TimelineEntry(
                ((Number) d.get("version")).longValue(),
                d.getDate("at").toInstant(),
                d.getString("change"),
                d.getString("summary"),
                d.getString("by"),
                d.getString("byName"),
                Agency.valueOf(d.getString("byAgency")),
                d.getString("door"),
                details);
    }
}
