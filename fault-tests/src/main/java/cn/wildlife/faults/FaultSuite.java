package cn.wildlife.faults;

import cn.wildlife.events.Agency;
import cn.wildlife.events.access.KafkaAccess;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The fault scenarios, one after another on one set of processes (a broker, a store, case-service,
 * notification-service and inspection-service, each its own JVM): each sends a steady load of forestry reports of a
 * joint operation of its own, does harm in the middle, waits until the platform settles and counts what it stored.
 * The short variant (in {@code ./mvnw verify}) runs the first scenarios with small loads.
 */
final class FaultSuite {

    /** How much load each scenario sends. */
    record Sizes(boolean full, int steady, int perSecond, int poison, int goodWithPoison, Duration storeOutage) {

        static Sizes of(boolean full) {
            return full ? new Sizes(true, 1200, 20, 10_000, 600, Duration.ofSeconds(30))
                    : new Sizes(false, 160, 20, 300, 100, Duration.ofSeconds(30));
        }
    }

    /** Every scenario by name, in the order they run; the short variant runs the first, poison and broker. */
    static final List<String> SCENARIOS = List.of("kill-case", "kill-notification", "kill-inspection", "poison",
            "broker", "store", "two-instances", "fuzz");
    private static final List<String> SHORT = List.of("kill-case", "poison", "broker");

    private final Parts parts;
    private final Sizes sizes;
    private final PrintStream out;
    private PlatformWatch watch;
    private Effects effects;
    /** Signs the tokens REST calls carry; the services trust it as they would the gateway's issuer. */
    private TokenIssuer issuer;

    private final List<String> only;

    FaultSuite(Path jar, Path dir, Sizes sizes, List<String> only, PrintStream out) {
        this.only = only;
        this.parts = new Parts(jar, dir);
        this.sizes = sizes;
        this.out = out;
    }

    /** Runs every scenario of the chosen size; the processes are gone when it returns or throws. */
    List<Outcome> run() {
        List<Outcome> outcomes = new ArrayList<>();
        try (parts) {
            say("starting the broker, the store, case-service, notification-service and inspection-service as "
                    + "separate processes in " + parts.dir());
            long start = System.nanoTime();
            parts.startAll();
            say(String.format("all ready in %.1f s", seconds(start)));
            watch = new PlatformWatch(parts.kafkaClient(KafkaAccess.ADMIN));
            effects = new Effects(parts.mongoUri());
            issuer = new TokenIssuer(parts.issuerPort);
            if (wanted("kill-case")) {
                outcomes.add(report(killAndRestart(Parts.CASE_SERVICE)));
            }
            if (wanted("kill-notification")) {
                outcomes.add(report(killAndRestart(Parts.NOTIFICATION_SERVICE)));
            }
            if (wanted("kill-inspection")) {
                outcomes.add(report(killAndRestart(Parts.INSPECTION_SERVICE)));
            }
            if (wanted("poison")) {
                outcomes.add(report(poison()));
            }
            if (wanted("broker")) {
                outcomes.add(report(brokerRestart()));
            }
            if (wanted("store")) {
                outcomes.add(report(storeOutage()));
            }
            if (wanted("two-instances")) {
                outcomes.add(report(twoInstances()));
            }
            if (wanted("fuzz")) {
                outcomes.add(report(fuzz()));
            }
        } finally {
            if (issuer != null) {
                issuer.close();
            }
            if (watch != null) {
                watch.close();
            }
            if (effects != null) {
                effects.close();
            }
        }
        return outcomes;
    }

    private boolean wanted(String scenario) {
        return only.isEmpty() ? sizes.full() || SHORT.contains(scenario) : only.contains(scenario);
    }

    private Outcome killAndRestart(String service) {
        return steady("kill -9 " + service + ", restart", () -> {
            say("kill -9 " + service);
            parts.service(service, 1).kill();
            parts.service(service, 1).start(Duration.ofSeconds(180));
            say(service + " is back");
            return List.of();
        });
    }

    private Outcome brokerRestart() {
        return steady("restart the Kafka broker", () -> {
            say("stopping the broker");
            parts.kafka().stop();
            AgencyLoad.sleep(3000);
            parts.kafka().start(Duration.ofSeconds(120));
            say("the broker is back");
            return List.of();
        });
    }

    private Outcome storeOutage() {
        return steady("store unavailable " + sizes.storeOutage().toSeconds() + " s", () -> {
            say("stopping the store for " + sizes.storeOutage().toSeconds() + " s");
            parts.store().stop();
            long until = System.nanoTime() + sizes.storeOutage().toNanos();
            java.util.Map<String, Set<Integer>> states = new java.util.LinkedHashMap<>();
            Parts.SERVICES.forEach(service -> states.put(service, new java.util.TreeSet<>()));
            AgencyLoad.sleep(5000);
            while (System.nanoTime() < until) {
                // All at once: one after another, three probes that may each take their 5 s would stretch the outage.
                Parts.SERVICES.stream().map(service -> CompletableFuture.runAsync(() -> {
                    int state = parts.readiness(service, 1);
                    synchronized (states) {
                        states.get(service).add(state);
                    }
                })).toList().forEach(CompletableFuture::join);
                AgencyLoad.sleep(2000);
            }
            parts.store().start(Duration.ofSeconds(60));
            say("the store is back");
            List<String> notes = new ArrayList<>();
            states.forEach((service, seen) -> notes.add(readinessNote(service, seen)));
            return notes;
        });
    }

    private static String readinessNote(String service, Set<Integer> states) {
        // A probe that hangs is as bad for an orchestrator as one that lies: only a prompt 503 passes.
        boolean notReady = states.equals(Set.of(503));
        return (notReady ? "✔ " : "✘ ") + service + " readiness while the store was down: " + states
                + " (503 = not ready, -1 = no answer within 5 s)";
    }

    private Outcome twoInstances() {
        say("starting a second instance of " + String.join(", ", Parts.SERVICES));
        CompletableFuture.allOf(Parts.SERVICES.stream().map(service -> CompletableFuture.runAsync(
                () -> parts.service(service, 2).start(Duration.ofSeconds(180)))).toArray(CompletableFuture[]::new))
                .join();
        try {
            return steady("two instances of each service", List::of);
        } finally {
            Parts.SERVICES.forEach(service -> parts.service(service, 2).stop());
        }
    }

    /** Fuzzed REST input from each service's OpenAPI document, with a valid forestry handler's token. */
    private Outcome fuzz() {
        say("fuzzed REST input from the OpenAPI documents of case-service, notification-service and "
                + "inspection-service");
        long start = System.nanoTime();
        try {
            RestFuzz fuzz = new RestFuzz(issuer.forestryHandler());
            RestFuzz.Result r = fuzz.run(java.util.Map.of(
                            Parts.CASE_SERVICE, parts.serviceUrl(Parts.CASE_SERVICE, 1),
                            Parts.NOTIFICATION_SERVICE, parts.serviceUrl(Parts.NOTIFICATION_SERVICE, 1),
                            Parts.INSPECTION_SERVICE, parts.serviceUrl(Parts.INSPECTION_SERVICE, 1)),
                    parts.mongoUri(), List.of("cases", "notifications", "inspections"));
            List<String> notes = new ArrayList<>();
            notes.add((r.serverErrors().isEmpty() ? "✔ " : "✘ ") + r.requests() + " requests, answers "
                    + r.byStatus() + ", 5xx or no answer: " + r.serverErrors().size());
            r.serverErrors().stream().limit(15).forEach(e -> notes.add("    " + e));
            notes.add((r.garbage().isEmpty() ? "✔ " : "✘ ") + r.documentsAdded() + " documents added by accepted "
                    + "requests; holding hostile input (a string over 10,000 characters, a $ key, a list over 5,000 "
                    + "items): " + r.garbage().size());
            r.garbage().stream().limit(10).forEach(g -> notes.add("    " + g));
            fuzz.storeReadFailures().forEach(f -> notes.add("✘ the store failed a read of " + f));
            return new Outcome("fuzzed REST input (OpenAPI)", 0, 0, 0, 0, 0, 0, 0, 0, seconds(start),
                    List.copyOf(notes));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Steady load with the harm done halfway, on a thread of its own so that the agency keeps sending meanwhile. */
    private Outcome steady(String name, java.util.function.Supplier<List<String>> harm) {
        say(name + ": " + sizes.steady() + " reports at " + sizes.perSecond() + "/s");
        try (AgencyLoad load = newLoad()) {
            long start = System.nanoTime();
            CompletableFuture<List<String>> done = new CompletableFuture<>();
            load.steady(sizes.steady(), sizes.perSecond(), () -> CompletableFuture.supplyAsync(harm)
                    .whenComplete((notes, error) -> {
                        if (error != null) {
                            done.completeExceptionally(error);
                        } else {
                            done.complete(notes);
                        }
                    }));
            List<String> notes = done.join();
            return Outcome.withNotes(settle(name, load, start).outcome(), notes);
        }
    }

    /**
     * Good load alone, then the same good load with poison mixed in (bad JSON, wrong schema, unknown type,
     * oversized); the rate at which the good reports are applied is compared, and every poison event must be on
     * the dead-letter topic with a reason.
     */
    private Outcome poison() {
        String name = sizes.poison() + " poison events in good load";
        say(name);
        try (Poison poison = new Poison(parts.kafkaClient(KafkaAccess.agencyPrincipal(Agency.FORESTRY)))) {
            // Dead letters are read once the measured loads are done: reading them meanwhile cost this process a
            // share of the cores the platform is measured on, and more of it in one load than in the other.
            watch.holdDeadLetters(true);
            Settled warm;
            Settled alone;
            Settled mixed;
            int warmUpPoison = Math.max(1, sizes.poison() / 10);
            try {
                // The same mixed load once unmeasured first, with a tenth of the poison: the services may have just
                // started (this scenario alone, or after a kill), and a rate measured while code compiles is no
                // baseline. Poison takes paths good events never take, in the services (dead letters) and in this
                // process (the poison producer): in a profile of the measured mixed load, this process's JIT
                // compilers alone took a tenth of the machine while only the good load alone had been warmed up.
                warm = mixedBurst("good load with " + warmUpPoison + " poison events, to warm up (its rate not "
                        + "measured)", poison, poison.prepare(warmUpPoison));
                alone = mixedBurst("good load alone", poison, List.of());
                mixed = mixedBurst(name, poison, poison.prepare(sizes.poison()));
            } finally {
                watch.holdDeadLetters(false);
            }
            long start = System.nanoTime();
            Set<String> expected = poison.acceptedIds();
            long lastProgress = System.nanoTime();
            long onDlt = -1;
            long withReason = 0;
            while (System.nanoTime() - lastProgress < Duration.ofSeconds(60).toNanos()) {
                long now = expected.stream().filter(id -> watch.deadLetters().containsKey(id)).count();
                withReason = expected.stream().map(id -> watch.deadLetters().get(id))
                        .filter(d -> d != null && d.reason() != null && !d.reason().isBlank()).count();
                if (now == expected.size()) {
                    break;
                }
                if (now != onDlt) {
                    onDlt = now;
                    lastProgress = System.nanoTime();
                }
                AgencyLoad.sleep(1000);
            }
            List<String> notes = new ArrayList<>();
            notes.add((withReason == expected.size() ? "✔ " : "✘ ") + withReason + " of " + expected.size()
                    + " poison events Kafka took are on the dead-letter topics with a reason " + poison.kinds()
                    + " (" + warmUpPoison + " sent in the warm-up)");
            notes.add("✔ " + poison.refusedBySize() + " oversized events (" + Poison.OVERSIZED_BYTES / 1024
                    + " KiB) refused by the broker itself (RecordTooLargeException): they never reach a service");
            notes.add("  on the dead-letter topics by kind (of those Kafka took): "
                    + poison.deadLetteredByKind(watch.deadLetters()));
            notes.add("  reasons seen: " + poison.reasonsSeen(watch.deadLetters()));
            notes.add(String.format("  the dead-letter topics read for %.0f s after the loads (held while they ran)",
                    seconds(start)));
            double rateAlone = alone.ratePerSecond();
            double rateMixed = mixed.ratePerSecond();
            double change = (rateMixed - rateAlone) / rateAlone * 100;
            boolean within = Math.abs(change) <= 10 || rateMixed >= rateAlone;
            // With a few hundred events the rate moves by more than 10 % from run to run on a shared machine: the
            // short variant prints it, the full suite judges it.
            notes.add((within ? "✔ " : sizes.full() ? "✘ " : "  ") + String.format(
                    "good reports applied at %.1f/s alone, %.1f/s with poison mixed in (%+.0f %%)%s", rateAlone,
                    rateMixed, change, sizes.full() ? "" : "; not judged at this size"));
            // The counts cover all three loads: the warm-up's rate is not measured, its losses would be. So do the
            // notes on what was counted: the mixed load's, and any other load's that failed.
            List<Outcome> all = List.of(warm.outcome(), alone.outcome(), mixed.outcome());
            List<String> loadNotes = new ArrayList<>(mixed.outcome().notes());
            Stream.of(warm, alone).flatMap(s -> s.outcome().notes().stream()).filter(n -> n.startsWith("✘"))
                    .forEach(loadNotes::add);
            notes.addAll(0, loadNotes);
            return Outcome.withNotes(new Outcome(name, sum(all, Outcome::sent), sum(all, Outcome::refused),
                    sum(all, Outcome::recordsStored), sum(all, Outcome::deadlinesStored),
                    sum(all, Outcome::alertsExpected), sum(all, Outcome::alertsMissing),
                    sum(all, Outcome::appliedTwice), sum(all, Outcome::lost),
                    all.stream().mapToDouble(Outcome::seconds).sum(), List.of()), notes);
        }
    }

    /**
     * The poison scenario's good reports, sent at once with the given poison (none for the good load alone) spread
     * evenly through them, until all are applied. The same code for every load, so that they differ in the poison
     * only.
     */
    private Settled mixedBurst(String name, Poison poison, List<Poison.Prepared> poisonEvents) {
        try (AgencyLoad load = newLoad()) {
            long start = System.nanoTime();
            int good = sizes.goodWithPoison();
            int total = good + poisonEvents.size();
            int sentGood = 0;
            int sentBad = 0;
            for (int i = 0; i < total; i++) {
                if (sentGood < good && (long) i * good / total >= sentGood) {
                    load.sendOne();
                    sentGood++;
                } else {
                    poison.send(poisonEvents.get(sentBad++));
                }
            }
            load.flush();
            poison.flush();
            return settle(name, load, start);
        }
    }

    private static int sum(List<Outcome> outcomes, java.util.function.ToIntFunction<Outcome> count) {
        return outcomes.stream().mapToInt(count).sum();
    }

    /** The counts once everything arrived, or nothing moved for a minute; and when the records were complete. */
    record Settled(Outcome outcome, double appliedSeconds) {
        double ratePerSecond() {
            return outcome.sent() / appliedSeconds;
        }
    }

    private Settled settle(String name, AgencyLoad load, long start) {
        Duration stall = Duration.ofSeconds(sizes.full() ? 120 : 60);
        long lastProgress = System.nanoTime();
        int lastCount = -1;
        double appliedSeconds = Double.NaN;
        Effects.Stored stored = null;
        int alertsMissing = 0;
        while (true) {
            try {
                stored = effects.of(load.prefix());
            } catch (RuntimeException storeNotAnswering) {
                AgencyLoad.sleep(1000);
                continue;
            }
            int records = count(stored.clues(), load.clues()) + count(stored.cases(), load.cases());
            int counted = count(stored.counted(), load.clues()) + count(stored.counted(), load.cases());
            int withDeadline = 0;
            alertsMissing = 0;
            for (String id : load.clues()) {
                Set<String> deadlines = stored.deadlinesBySubject().getOrDefault(id, Set.of());
                withDeadline += deadlines.isEmpty() ? 0 : 1;
                if (deadlines.stream().noneMatch(d -> watch.alertKinds(d).contains("OVERDUE"))) {
                    alertsMissing++;
                }
            }
            for (String id : load.cases()) {
                withDeadline += stored.deadlinesBySubject().containsKey(id) ? 1 : 0;
            }
            int sent = load.sent();
            if (Double.isNaN(appliedSeconds) && records == sent && withDeadline == sent) {
                appliedSeconds = seconds(start);
            }
            if (records == sent && withDeadline == sent && counted == sent && alertsMissing == 0) {
                break;
            }
            int count = records + withDeadline + counted + (load.clues().size() - alertsMissing);
            if (count != lastCount) {
                lastCount = count;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > stall.toNanos()) {
                say(name + ": nothing moved for " + stall.toSeconds() + " s; counting what is there");
                break;
            }
            AgencyLoad.sleep(250);
        }
        double elapsed = seconds(start);
        int records = count(stored.clues(), load.clues()) + count(stored.cases(), load.cases());
        int deadlines = 0;
        int deadlinesTwice = 0;
        int lost = 0;
        for (String id : concat(load.clues(), load.cases())) {
            int n = stored.deadlinesBySubject().getOrDefault(id, Set.of()).size();
            deadlines += n;
            deadlinesTwice += Math.max(0, n - 1);
            boolean stored1 = stored.clues().contains(id) || stored.cases().contains(id);
            if (!stored1 || n == 0 || !stored.counted().contains(id)) {
                lost++;
            }
        }
        Effects.Results results = settledResults(load.operationId());
        int twice = deadlinesTwice + watch.doubled(load.eventIds(), stored.deadlineIds())
                + results.beyond(load.clues().size(), load.cases().size());
        int facts = watch.facts(load.eventIds(), stored.deadlineIds());
        Outcome outcome = new Outcome(name, load.sent(), load.refused(), records, deadlines, load.clues().size(),
                alertsMissing, twice, lost, elapsed, List.of("  " + facts + " facts announced on the platform topics "
                + "(records, deadlines, alerts) checked for a second event id", resultsNote(load, stored, results)));
        return new Settled(outcome, Double.isNaN(appliedSeconds) ? elapsed : appliedSeconds);
    }

    /** Whether the load's operation counts each of its reports exactly once. */
    private static String resultsNote(AgencyLoad load, Effects.Stored stored, Effects.Results results) {
        int counted = count(stored.counted(), load.clues()) + count(stored.counted(), load.cases());
        boolean once = results.agree() && counted == load.sent() && results.clueFacts() == load.clues().size()
                && results.caseFacts() == load.cases().size();
        return (once ? "✔ " : "✘ ") + String.format("%d of %d reports counted in the results of %s; its tallies: "
                        + "%s clues, %s cases, %s 元; its facts: %d, %d, %s 元", counted, load.sent(),
                load.operationId(), plain(results.cluesTallied()), plain(results.casesTallied()),
                plain(results.caseValueTallied()), results.clueFacts(), results.caseFacts(),
                plain(results.caseValueOfFacts()));
    }

    /** A load of reports of a joint operation entered for it alone, so that its results are the load's. */
    private AgencyLoad newLoad() {
        return new AgencyLoad(parts.kafkaClient(KafkaAccess.agencyPrincipal(Agency.FORESTRY)), newRun(),
                JointOperation.enter(parts.serviceUrl(Parts.INSPECTION_SERVICE, 1), issuer.forestryHandler()));
    }

    private static String plain(java.math.BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }

    /**
     * The operation's results once they agree, or as they are after 15 s: the three collections are read one after
     * the other, so a record landing in between can make one read disagree with the next.
     */
    private Effects.Results settledResults(String operationId) {
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            try {
                Effects.Results results = effects.results(operationId);
                if (results.agree() || System.nanoTime() > until) {
                    return results;
                }
            } catch (RuntimeException storeNotAnswering) {
                if (System.nanoTime() > until) {
                    throw storeNotAnswering;
                }
            }
            AgencyLoad.sleep(1000);
        }
    }

    private static int count(Set<String> stored, Set<String> sent) {
        int n = 0;
        for (String id : sent) {
            n += stored.contains(id) ? 1 : 0;
        }
        return n;
    }

    private static List<String> concat(Set<String> a, Set<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private Outcome report(Outcome o) {
        say(o.scenario() + ": sent " + o.sent() + ", stored " + o.recordsStored() + ", deadlines "
                + o.deadlinesStored() + ", applied twice " + o.appliedTwice() + ", lost " + o.lost()
                + (o.passed() ? " ✔" : " ✘"));
        o.notes().forEach(n -> say("  " + n));
        return o;
    }

    private void say(String line) {
        out.printf("[%tT] %s%n", System.currentTimeMillis(), line);
        out.flush();
    }

    private static String newRun() {
        return UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
