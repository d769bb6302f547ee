package cn.wildlife.events.cases;

/** What was seized (涉案物品). */
public enum SeizureKind {
    LIVE("活体"),
    DEAD("死体"),
    PRODUCT("制品"),
    TOOL("猎具");

    private final String label;

    SeizureKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
