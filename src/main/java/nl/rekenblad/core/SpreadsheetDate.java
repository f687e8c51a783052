package nl.rekenblad.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Dates as spreadsheets hold them: whole days since 30 December 1899 (the 1900 date system as
 * Excel and LibreOffice use it for all dates from March 1900 on).
 */
public final class SpreadsheetDate {
    private static final LocalDate EPOCH = LocalDate.of(1899, 12, 30);

    private SpreadsheetDate() {}

    public static BigDecimal serial(LocalDate date) {
        return BigDecimal.valueOf(ChronoUnit.DAYS.between(EPOCH, date));
    }

    public static LocalDate toDate(BigDecimal serial) {
        return EPOCH.plusDays(serial.setScale(0, RoundingMode.FLOOR).longValueExact());
    }
}
