package cn.wildlife.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static final Instant MORNING = Instant.parse("2026-03-02T01:00:00Z");

    @Test
    void aChainJustAppendedVerifiesIntactAndNamesItsNewestHash() {
        List<ChainedEntry> chain = chainOf(5);

        Verification verification = AuditChain.verify(Anchor.GENESIS, chain);

        assertThat(verification.intact()).isTrue();
        assertThat(verification.entries()).isEqualTo(5);
        assertThat(verification.firstSequence()).isEqualTo(1);
        assertThat(verification.lastSequence()).isEqualTo(5);
        assertThat(verification.lastHash()).isEqualTo(chain.get(4).hash());
        assertThat(verification.brokenLink()).isNull();
    }

    @Test
    void eachEntryNamesThePreviousHashAndTheFirstNamesTheGenesis() {
        List<ChainedEntry> chain = chainOf(3);

        assertThat(chain.get(0).previousHash()).isEqualTo(AuditChain.GENESIS);
        assertThat(chain.get(1).previousHash()).isEqualTo(chain.get(0).hash());
        assertThat(chain.get(2).previousHash()).isEqualTo(chain.get(1).hash());
        assertThat(chain.get(0).hash()).hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void anEmptyTrailIsIntact() {
        assertThat(AuditChain.verify(Anchor.GENESIS, List.of()).intact()).isTrue();
    }

    @Test
    void aChangedEntryIsReportedAtItsOwnSequence() {
        List<ChainedEntry> chain = chainOf(5);
        ChainedEntry third = chain.get(2);
        chain.set(
                2,
                new ChainedEntry(
                        third.sequence(),
                        withSubject(third.entry(), "someone-else"),
                        third.previousHash(),
                        third.hash()));

        Verification verification = AuditChain.verify(Anchor.GENESIS, chain);

        assertThat(verification.intact()).isFalse();
        assertThat(verification.entries()).isEqualTo(2);
        BrokenLink broken = verification.brokenLink();
        assertThat(broken.sequence()).isEqualTo(3);
        assertThat(broken.reason()).isEqualTo(BrokenLink.Reason.ALTERED);
        assertThat(broken.expectedHash()).isEqualTo(third.hash());
        assertThat(broken.foundHash()).isNotEqualTo(third.hash());
    }

    @Test
    void aChangedStatusOrTimeIsReportedToo() {
        List<ChainedEntry> chain = chainOf(3);
        ChainedEntry second = chain.get(1);
        AuditEntry e = second.entry();
        chain.set(
                1,
                new ChainedEntry(
                        2,
                        new AuditEntry(e.at().plusSeconds(1), e.actor(), e.action(), e.target(), e.origin()),
                        second.previousHash(),
                        second.hash()));

        assertThat(AuditChain.verify(Anchor.GENESIS, chain).brokenLink().sequence())
                .isEqualTo(2);
    }

    @Test
    void aChangedEntryWhoseHashWasRecomputedBreaksTheNextLink() {
        List<ChainedEntry> chain = chainOf(5);
        ChainedEntry third = chain.get(2);
        chain.set(2, AuditChain.link(3, third.previousHash(), withSubject(third.entry(), "someone-else")));

        BrokenLink broken = AuditChain.verify(Anchor.GENESIS, chain).brokenLink();

        assertThat(broken.sequence()).isEqualTo(4);
        assertThat(broken.reason()).isEqualTo(BrokenLink.Reason.LINK);
        assertThat(broken.expectedHash()).isEqualTo(chain.get(2).hash());
        assertThat(broken.foundHash()).isEqualTo(third.hash());
    }

    @Test
    void aDeletedMiddleEntryIsReportedAsMissingAtItsSequence() {
        List<ChainedEntry> chain = chainOf(5);
        ChainedEntry second = chain.get(1);
        chain.remove(2);

        Verification verification = AuditChain.verify(Anchor.GENESIS, chain);

        assertThat(verification.intact()).isFalse();
        BrokenLink broken = verification.brokenLink();
        assertThat(broken.sequence()).isEqualTo(3);
        assertThat(broken.reason()).isEqualTo(BrokenLink.Reason.MISSING);
        assertThat(broken.expectedHash()).isEqualTo(second.hash());
    }

    @Test
    void removingTheOldestEntriesIsReportedEvenWhenTheAnchorIsMovedToMatch() {
        List<ChainedEntry> chain = chainOf(5);
        Anchor moved = new Anchor(3, chain.get(1).hash());
        List<ChainedEntry> kept = new ArrayList<>(chain.subList(2, 5));

        assertThat(AuditChain.verify(Anchor.GENESIS, kept).brokenLink().reason())
                .isEqualTo(BrokenLink.Reason.MISSING);
        BrokenLink broken = AuditChain.verify(moved, kept).brokenLink();
        assertThat(broken.reason()).isEqualTo(BrokenLink.Reason.TRUNCATED);
        assertThat(broken.sequence()).isEqualTo(1);
    }

    @Test
    void retentionThatSaidWhatItRemovedLeavesAChainThatVerifiesFromTheAnchor() {
        List<ChainedEntry> chain = chainOf(5);
        ChainedEntry statement = AuditChain.link(
                6,
                chain.get(4).hash(),
                new AuditEntry(
                        MORNING.plusSeconds(60),
                        AuditEntry.Actor.system(),
                        AuditAction.RETENTION,
                        AuditEntry.Target.record(AuditTrail.COLLECTION, "3"),
                        AuditEntry.Origin.system()));
        chain.add(statement);
        Anchor moved = new Anchor(3, chain.get(1).hash());

        // Before the older entries are removed (a crash between moving the anchor and removing), and after.
        assertThat(AuditChain.verify(moved, chain).intact()).isTrue();
        Verification after = AuditChain.verify(moved, chain.subList(2, 6));
        assertThat(after.intact()).isTrue();
        assertThat(after.firstSequence()).isEqualTo(3);
        assertThat(after.entries()).isEqualTo(4);
        // Removing more than the statement says is still a truncation.
        assertThat(AuditChain.verify(new Anchor(4, chain.get(2).hash()), chain.subList(3, 6))
                        .brokenLink()
                        .reason())
                .isEqualTo(BrokenLink.Reason.TRUNCATED);
    }

    @Test
    void theEncodingCannotShiftABoundaryBetweenFields() {
        AuditEntry ab = entry(MORNING, "ab", "c");
        AuditEntry a = entry(MORNING, "a", "bc");

        assertThat(AuditChain.canonical(1, ab)).isNotEqualTo(AuditChain.canonical(1, a));
        assertThat(AuditChain.hash(AuditChain.GENESIS, 1, ab)).isNotEqualTo(AuditChain.hash(AuditChain.GENESIS, 1, a));
    }

    @Test
    void anAbsentFieldIsNotAnEmptyOne() {
        AuditEntry absent = new AuditEntry(
                MORNING,
                AuditEntry.Actor.anonymous(),
                AuditAction.DENIAL,
                AuditEntry.Target.none(),
                AuditEntry.Origin.system());
        AuditEntry empty = new AuditEntry(
                MORNING,
                AuditEntry.Actor.anonymous(),
                AuditAction.DENIAL,
                AuditEntry.Target.record("", null),
                AuditEntry.Origin.system());

        assertThat(AuditChain.hash(AuditChain.GENESIS, 1, absent))
                .isNotEqualTo(AuditChain.hash(AuditChain.GENESIS, 1, empty));
    }

    @Test
    void aDetailIsHashedAfterEverythingElseAndOnlyWhenPresent() {
        AuditEntry.Target plain = new AuditEntry.Target("personal-data-export", "PDX-1", "FORESTRY", "LAWFUL_REQUEST");
        AuditEntry.Target detailed = new AuditEntry.Target(
                "personal-data-export", "PDX-1", "FORESTRY", "LAWFUL_REQUEST", "request=(2026)吉0112民初1号; records=3");
        AuditEntry without = new AuditEntry(
                MORNING, AuditEntry.Actor.system(), AuditAction.PERSONAL_EXPORT, plain, AuditEntry.Origin.system());
        AuditEntry with = new AuditEntry(
                MORNING, AuditEntry.Actor.system(), AuditAction.PERSONAL_EXPORT, detailed, AuditEntry.Origin.system());

        // Entries written before details existed encode as they did: the detail only ever follows the request id.
        assertThat(AuditChain.canonical(1, with)).startsWith(AuditChain.canonical(1, without));
        assertThat(AuditChain.hash(AuditChain.GENESIS, 1, with))
                .isNotEqualTo(AuditChain.hash(AuditChain.GENESIS, 1, without));
    }

    @Test
    void aChangedDetailIsReportedAsAltered() {
        AuditEntry.Target target = new AuditEntry.Target("clue", "C-1", "FORESTRY", "LAWFUL_REQUEST", "records=3");
        ChainedEntry linked = AuditChain.link(
                1,
                AuditChain.GENESIS,
                new AuditEntry(
                        MORNING,
                        AuditEntry.Actor.system(),
                        AuditAction.PERSONAL_EXPORT,
                        target,
                        AuditEntry.Origin.system()));
        AuditEntry changed = new AuditEntry(
                MORNING,
                AuditEntry.Actor.system(),
                AuditAction.PERSONAL_EXPORT,
                new AuditEntry.Target("clue", "C-1", "FORESTRY", "LAWFUL_REQUEST", "records=1"),
                AuditEntry.Origin.system());

        Verification verification = AuditChain.verify(
                Anchor.GENESIS, List.of(new ChainedEntry(1, changed, linked.previousHash(), linked.hash())));

        assertThat(verification.intact()).isFalse();
        assertThat(verification.brokenLink().reason()).isEqualTo(BrokenLink.Reason.ALTERED);
    }

    @Test
    void rolesInAnotherOrderAreTheSameCaller() {
        AuditEntry.Actor one = new AuditEntry.Actor("s", "n", "FORESTRY", "220000", List.of("OFFICER", "HANDLER"));
        AuditEntry.Actor other = new AuditEntry.Actor("s", "n", "FORESTRY", "220000", List.of("HANDLER", "OFFICER"));

        assertThat(one).isEqualTo(other);
    }

    @Test
    void theTimeCountsToTheMillisecondTheStoreKeeps() {
        AuditEntry precise = entry(MORNING.plusNanos(1_234_567), "s", "n");

        assertThat(precise.at()).isEqualTo(MORNING.plusMillis(1));
    }

    private static List<ChainedEntry> chainOf(int n) {
        List<ChainedEntry> chain = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            ChainedEntry linked = AuditChain.link(i, previous, entry(MORNING.plusSeconds(i), "officer-" + i, "n"));
            chain.add(linked);
            previous = linked.hash();
        }
        return chain;
    }

    private static AuditEntry entry(Instant at, String subject, String name) {
        return new AuditEntry(
                at,
                new AuditEntry.Actor(subject, name, "FORESTRY", "220102", List.of("OFFICER")),
                AuditAction.WRITE,
                AuditEntry.Target.record("clues", "CL-1"),
                new AuditEntry.Origin("REST", "POST", "/api/clues", 201, "req-1"));
    }

    private static AuditEntry withSubject(AuditEntry entry, String subject) {
        AuditEntry.Actor actor = entry.actor();
        return new AuditEntry(
                entry.at(),
                new AuditEntry.Actor(subject, actor.name(), actor.agency(), actor.region(), actor.roles()),
                entry.action(),
                entry.target(),
                entry.origin());
    }
}
