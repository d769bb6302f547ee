package cn.wildlife.caseservice.transfer.domain;

import cn.wildlife.events.Agency;
import cn.wildlife.events.RegionCode;

/** Who takes a step: an officer of an agency in a region, and whether that officer is the agency head. */
public record Actor(String subject, Agency agency, RegionCode region, boolean head) {}
