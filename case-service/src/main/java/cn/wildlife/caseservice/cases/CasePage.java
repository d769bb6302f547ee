package cn.wildlife.caseservice.cases;

import java.util.List;

record CasePage(List<CaseView> items, int page, int size, long total) {}
