package cn.wildlife.caseservice.transfer.domain;

/** Who takes a step: the transferring agency, the receiving police, or the procuratorate. */
public enum Party {
    SENDING_AGENCY,
    RECEIVING_POLICE,
    PROCURATORATE
}
