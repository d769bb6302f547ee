package cn.wildlife.events.cases;

/**
 * How a species is protected, highest first. It decides the grade of a case, the prosecution thresholds and the
 * results table, so it travels with every species count.
 */
public enum ProtectionLevel {
    NATIONAL_FIRST("国家一级"),
    NATIONAL_SECOND("国家二级"),
    PROVINCIAL("省级重点保护"),
    SANYOU("三有"),
    NONE("非保护");

    private final String label;

    ProtectionLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** True when this level protects at least as strongly as {@code other}. */
    public boolean atLeast(ProtectionLevel other) {
        return ordinal() <= other.ordinal();
    }
}
