package cn.wildlife.local.devtoken;

import java.util.List;

/** A sample user of the development token issuer: one per agency and role worth trying. */
public record DevUser(String id, String name, String agency, String region, List<String> roles, String description) {}
