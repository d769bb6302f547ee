package cn.wildlife.notification.calendar;

/** A year's holiday calendar was loaded or replaced through the API (a Spring event inside this instance). */
public record CalendarYearLoaded(int year) {}
