package cn.wildlife.caseservice.cases.domain;

/** Where a case is in its life. */
public enum CaseStatus {
    OPEN("办理中"),
    PENALTY_DECIDED("已作出处罚决定"),
    TRANSFERRED("已移送公安机关"),
    CLOSED("已结案");

    private final String label;

    CaseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
