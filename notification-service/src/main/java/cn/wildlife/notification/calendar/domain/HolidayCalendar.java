package cn.wildlife.notification.calendar.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * China's working days: weekends and public holidays are rest days, except the weekend days the State Council
 * moves to make bridges (调休), which are working days. Years are published one at a time (each November); a year
 * without its calendar is answered from weekends alone, and the caller is told ({@link #knows(int)}).
 */
public final class HolidayCalendar {

    /** One published year. */
    public record Year(int year, String source, Set<LocalDate> holidays, Set<LocalDate> adjustedWorkingDays) {

        public Year {
            holidays = Set.copyOf(holidays);
            adjustedWorkingDays = Set.copyOf(adjustedWorkingDays);
            for (LocalDate day : holidays) {
                requireYear(year, day);
            }
            for (LocalDate day : adjustedWorkingDays) {
                requireYear(year, day);
                if (holidays.contains(day)) {
                    throw new IllegalArgumentException(day + " cannot be both a holiday and a working day");
                }
            }
        }

        private static void requireYear(int year, LocalDate day) {
            if (day.getYear() != year) {
                throw new IllegalArgumentException(day + " is not in " + year);
            }
        }
    }

    private final Map<Integer, Year> years;

    public HolidayCalendar(Collection<Year> years) {
        TreeMap<Integer, Year> byYear = new TreeMap<>();
        for (Year year : years) {
            byYear.put(year.year(), year);
        }
        this.years = Map.copyOf(byYear);
    }

    public boolean knows(int year) {
        return years.containsKey(year);
    }

    public Set<Integer> years() {
        return new java.util.TreeSet<>(years.keySet());
    }

    public boolean isWorkingDay(LocalDate day) {
        Year year = years.get(day.getYear());
        if (year != null) {
            if (year.holidays().contains(day)) {
                return false;
            }
            if (year.adjustedWorkingDays().contains(day)) {
                return true;
            }
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** A copy with one year added or replaced. */
    public HolidayCalendar with(Year year) {
        TreeMap<Integer, Year> copy = new TreeMap<>(years);
        copy.put(year.year(), year);
        return new HolidayCalendar(copy.values());
    }
}
