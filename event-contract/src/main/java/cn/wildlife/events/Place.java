package cn.wildlife.events;

import org.jspecify.annotations.Nullable;

/** Where something happened: a description as officers write it, and coordinates when known (WGS 84). */
public record Place(
        String description,
        @Nullable Double latitude,
        @Nullable Double longitude) {}
