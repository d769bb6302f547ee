package cn.wildlife.faults;

import java.util.ArrayList;
import java.util.List;

/**
 * What one scenario counted. {@code sent} are reports Kafka acknowledged; {@code refused} are reports the producer
 * gave up on (the agency still holds them, nothing of the platform's); {@code lost} are acknowledged reports with no
 * record, no deadline or no fact in the operation's results in the end; {@code appliedTwice} counts facts announced
 * under a second event id (a record, a deadline, an alert) plus deadlines stored twice for one report, plus reports
 * the operation's tallies count beyond its facts.
 */
record Outcome(
        String scenario,
        int sent,
        int refused,
        int recordsStored,
        int deadlinesStored,
        int alertsExpected,
        int alertsMissing,
        int appliedTwice,
        int lost,
        double seconds,
        List<String> notes) {

    boolean passed() {
        return lost == 0
                && appliedTwice == 0
                && alertsMissing == 0
                && notes.stream().noneMatch(n -> n.startsWith("✘"));
    }

    static String header() {
        return String.format(
                "%-38s %6s %8s %8s %10s %13s %8s %5s %7s  %s",
                "scenario", "sent", "refused", "stored", "deadlines", "overdue alerts", "twice", "lost", "time s", "");
    }

    String row() {
        return String.format(
                "%-38s %6d %8d %8d %10d %6d/%-6d %8d %5d %7.1f  %s",
                scenario,
                sent,
                refused,
                recordsStored,
                deadlinesStored,
                alertsExpected - alertsMissing,
                alertsExpected,
                appliedTwice,
                lost,
                seconds,
                passed() ? "✔" : "✘");
    }

    static Outcome withNotes(Outcome o, List<String> more) {
        List<String> notes = new ArrayList<>(o.notes);
        notes.addAll(more);
        return new Outcome(
                o.scenario,
                o.sent,
                o.refused,
                o.recordsStored,
                o.deadlinesStored,
                o.alertsExpected,
                o.alertsMissing,
                o.appliedTwice,
                o.lost,
                o.seconds,
                List.copyOf(notes));
    }
}
