package cn.wildlife.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The run's figures: each with its unit, what it is measured against, and whether it meets its target. */
final class Figures {

    /** One row of the table. {@code target} and {@code reference} may be empty. */
    record Figure(String name, double value, String unit, String reference, String target, Boolean met) {}

    private final List<Figure> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void add(String name, double value, String unit, String reference, String target, Boolean met) {
        rows.add(new Figure(name, value, unit, reference, target, met));
        Benchmark.log(
                "%s: %s %s%s%s",
                name,
                format(value),
                unit,
                reference.isEmpty() ? "" : " (" + reference + ")",
                target.isEmpty() ? "" : "; target " + target + ": " + verdict(met));
    }

    /** The verdict as a word: a miss printed as a miss, a pass that cannot be told as such. */
    static String verdict(Boolean met) {
        if (met == null) {
            return "not judged here (a pass below the count its target names is not a pass)";
        }
        return met ? "met" : "MISSED";
    }

    void note(String text) {
        notes.add(text);
    }

    static String format(double v) {
        if (Math.abs(v) >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (Math.abs(v) >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    String table(String machine) {
        StringBuilder out = new StringBuilder();
        out.append("\n").append(machine).append("\n\n");
        out.append(String.format(
                Locale.ROOT,
                "| %-58s | %12s | %-8s | %-34s | %-14s |%n",
                "figure",
                "value",
                "unit",
                "beside (same run)",
                "target"));
        out.append("|")
                .append("-".repeat(60))
                .append("|")
                .append("-".repeat(14))
                .append("|")
                .append("-".repeat(10))
                .append("|")
                .append("-".repeat(36))
                .append("|")
                .append("-".repeat(16))
                .append("|\n");
        for (Figure f : rows) {
            String target = f.target().isEmpty() ? "" : f.target() + (f.met() == null ? "" : f.met() ? " ✔" : " ✘");
            out.append(String.format(
                    Locale.ROOT,
                    "| %-58s | %12s | %-8s | %-34s | %-14s |%n",
                    f.name(),
                    format(f.value()),
                    f.unit(),
                    f.reference(),
                    target));
        }
        for (String note : notes) {
            out.append("\n- ").append(note);
        }
        return out.append("\n").toString();
    }

    void writeJson(Path file, String machine, String started) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("machine", machine);
        root.put("started", started);
        ArrayNode figures = root.putArray("figures");
        for (Figure f : rows) {
            ObjectNode row = figures.addObject();
            row.put("name", f.name());
            row.put("value", f.value());
            row.put("unit", f.unit());
            row.put("reference", f.reference());
            row.put("target", f.target());
            if (f.met() != null) {
                row.put("met", f.met());
            }
        }
        ArrayNode notesNode = root.putArray("notes");
        notes.forEach(notesNode::add);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }
}
