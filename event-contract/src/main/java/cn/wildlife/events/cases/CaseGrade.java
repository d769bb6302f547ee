package cn.wildlife.events.cases;

/** The grade of a case (案件等级); major and above are reported to the superior region at once. */
public enum CaseGrade {
    GENERAL("一般"),
    LARGER("较大"),
    MAJOR("重大"),
    ESPECIALLY_MAJOR("特别重大");

    private final String label;

    CaseGrade(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean reportedUpward() {
        return this == MAJOR || this == ESPECIALLY_MAJOR;
    }
}
