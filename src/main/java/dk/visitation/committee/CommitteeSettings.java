package dk.visitation.committee;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.LocalDate;
import java.time.LocalTime;

/** The visitation committee's rhythm: every 14 days from a first date, with a material deadline. */
@ConfigMapping(prefix = "visitation.committee")
public interface CommitteeSettings {

    /** The date of the first regular meeting; later ones follow every {@link #intervalDays()}. */
    @WithDefault("2026-01-07")
    LocalDate firstMeeting();

    @WithDefault("14")
    int intervalDays();

    /** When a meeting starts (Europe/Copenhagen). */
    @WithDefault("09:00")
    LocalTime startTime();

    /** The material deadline: this many working days (weekends, public holidays and closing days skipped) before the meeting, at noon. */
    @WithDefault("3")
    int materialDeadlineWorkingDays();

    /** How far ahead meetings are planned. */
    @WithDefault("56")
    int horizonDays();
}
