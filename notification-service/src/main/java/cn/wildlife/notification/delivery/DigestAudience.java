package cn.wildlife.notification.delivery;

import cn.wildlife.notification.delivery.domain.DailyDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A kind of target that takes daily digests: which targets want one, and what each is sent. */
public interface DigestAudience {

    /** A target that takes its agency's digest for its region's subtree. */
    record DigestTarget(String targetId, ChannelType channel, String agency, String region) {}

    List<DigestTarget> digestTargets();

    /** The content for one target; empty when the target went away meanwhile. */
    Optional<Map<String, String>> render(DigestTarget target, DailyDigest digest);
}
