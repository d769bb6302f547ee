package cn.wildlife.events;

/** Where a clue came from (线索来源). */
public enum ClueSource {
    TIP_OFF("举报"),
    ONLINE_MONITORING("网络舆情监测"),
    PATROL("巡护"),
    INSPECTION("检查发现"),
    DRONE("无人机"),
    AGENCY_INTELLIGENCE("其他部门情报");

    private final String label;

    ClueSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
