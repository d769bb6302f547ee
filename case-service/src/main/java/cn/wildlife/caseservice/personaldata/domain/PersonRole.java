package cn.wildlife.caseservice.personaldata.domain;

/** What the person is in a record an export holds. */
public enum PersonRole {
    /** The clue's reporter (举报人): their identity as the receiving agency recorded it. */
    REPORTER("举报人"),
    /** A suspect's identifier a clue or case names (涉案人员标识). */
    SUSPECT("涉案人员"),
    /** A party to a case (当事人): name, ID number, phone, address. */
    PARTY("当事人");

    private final String label;

    PersonRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
