package cn.wildlife.caseservice.transfer.domain;

import java.util.EnumSet;
import java.util.Set;

/** The five parts of a transfer package (Decree 310 Art. 6); the first three are always required. */
public enum PackagePart {
    TRANSFER_LETTER("涉嫌犯罪案件移送书"),
    INVESTIGATION_REPORT("涉嫌犯罪案件情况的调查报告"),
    SEIZED_ITEMS_LIST("涉案物品清单"),
    TEST_OR_APPRAISAL_REPORTS("有关检验报告或者鉴定意见"),
    OTHER_MATERIALS("其他有关涉嫌犯罪的材料");

    public static final Set<PackagePart> REQUIRED =
            EnumSet.of(TRANSFER_LETTER, INVESTIGATION_REPORT, SEIZED_ITEMS_LIST);

    private final String label;

    PackagePart(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
