package cn.wildlife.notification.calendar.domain;

/** How a legal period is counted. */
public enum DurationUnit {
    /** Exact hours from the start (e.g. the 24 hours to deliver an approved transfer). */
    HOURS,
    /** Calendar days: the first day is not counted; a last day that is no working day moves to the next one. */
    CALENDAR_DAYS,
    /** Working days only (行政处罚法 Art. 85 for its 2, 3, 5 and 7-day periods; 市场监管 Art. 18). */
    WORKING_DAYS
}
