package cn.wildlife.events.cases;

import cn.wildlife.events.Agency;

/** Administrative cases end in a penalty decision; criminal cases are public security's. */
public enum CaseKind {
    ADMINISTRATIVE("行政案件"),
    CRIMINAL("刑事案件");

    private final String label;

    CaseKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether an agency handles cases of this kind. */
    public boolean handledBy(Agency agency) {
        return switch (agency) {
            case PUBLIC_SECURITY -> this == CRIMINAL;
            case FORESTRY, MARKET_SUPERVISION, AGRICULTURE -> this == ADMINISTRATIVE;
            case PROCURATORATE, SUPERVISION_OFFICE -> false;
        };
    }
}
