package cn.wildlife.notification.delivery.digest;

import cn.wildlife.events.Agency;
import cn.wildlife.events.RegionCode;
import cn.wildlife.notification.deadline.DeadlineQuery;
import cn.wildlife.notification.deadline.DeadlineStore;
import cn.wildlife.notification.deadline.domain.Deadline;
import cn.wildlife.notification.delivery.domain.DailyDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/** Reads an agency's running deadlines in a region's subtree into a digest, soonest due first in each list. */
@Component
class DigestCompiler {

    static final int LIMIT = 50;

    private final DeadlineStore deadlines;

    DigestCompiler(DeadlineStore deadlines) {
        this.deadlines = deadlines;
    }

    DailyDigest compile(String agency, String region, LocalDate date) {
        Agency owner = Agency.valueOf(agency);
        String prefix = new RegionCode(region).subtreePrefix();
        DeadlineStore.Page overdue = page(owner, prefix, Deadline.State.OVERDUE);
        DeadlineStore.Page escalated = page(owner, prefix, Deadline.State.ESCALATED);
        DeadlineStore.Page approaching = page(owner, prefix, Deadline.State.APPROACHING);
        DeadlineStore.Page open = page(owner, prefix, Deadline.State.OPEN);
        List<DailyDigest.Line> late = new ArrayList<>(lines(overdue));
        late.addAll(lines(escalated));
        late.sort(Comparator.comparing(DailyDigest.Line::dueAt).thenComparing(DailyDigest.Line::deadlineId));
        return new DailyDigest(
                DailyDigest.idFor(agency, date),
                agency,
                region,
                date,
                LIMIT,
                late.subList(0, Math.min(LIMIT, late.size())),
                overdue.total() + escalated.total(),
                lines(approaching),
                approaching.total(),
                lines(open),
                open.total());
    }

    private DeadlineStore.Page page(Agency agency, String prefix, Deadline.State state) {
        return deadlines.search(new DeadlineQuery(null, agency, prefix, state, 0, LIMIT));
    }

    private static List<DailyDigest.Line> lines(DeadlineStore.Page page) {
        return page.items().stream()
                .map(d -> new DailyDigest.Line(
                        d.id(),
                        d.ruleId(),
                        d.title(),
                        d.subjectType(),
                        d.subjectId(),
                        d.region(),
                        d.dueAt(),
                        d.state().name()))
                .toList();
    }
}
