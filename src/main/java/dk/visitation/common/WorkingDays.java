package dk.visitation.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.MonthDay;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's working-day calendar as a bean: Danish public holidays plus the municipality's closing days from
 * {@code visitation.calendar.closing-days} (month-days such as {@code 06-05,12-24,12-31}; none by default).
 */
@ApplicationScoped
public class WorkingDays {

    @Produces
    @Singleton
    WorkingDayCalendar calendar(@ConfigProperty(name = "visitation.calendar.closing-days") Optional<List<String>> closingDays) {
        return new WorkingDayCalendar(closingDays.orElse(List.of()).stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> MonthDay.parse("--" + s)).toList());
    }
}
