package dk.visitation.support;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Small helpers for REST tests: valid request bodies and the calls most tests make. */
public final class Api {

    private static final AtomicInteger SERIAL = new AtomicInteger(1000);

    private Api() {
    }

    /** A valid CPR number no other test uses: born 2015 (7th digit 4), distinct serial. */
    public static String freshCpr() {
        int serial = SERIAL.incrementAndGet();
        int day = 1 + serial % 28;
        int month = 1 + (serial / 28) % 12;
        return String.format("%02d%02d15%d%03d", day, month, 4, serial % 1000);
    }

    /** A request as the default test identity (an adviser in MYN and CBA). */
    public static RequestSpecification given() {
        return RestAssured.given().auth().oauth2(Tokens.adviser());
    }

    /** A request as someone else. */
    public static RequestSpecification as(String token) {
        return RestAssured.given().auth().oauth2(token);
    }

    public static Map<String, Object> newCase(String cpr) {
        return Map.of(
                "child", Map.of("cpr", cpr, "name", "Emil Jensen"),
                "source", "SCHOOL",
                "receivedAt", "2026-11-20T09:30:00+01:00",
                "description", "Skolen beskriver betydelig og varig nedsat funktionsevne.");
    }

    public static ValidatableResponse register(Object body) {
        return given().contentType(ContentType.JSON).body(body).post("/cases").then();
    }

    /** Registers a case and returns its id. */
    public static UUID registerCase(String cpr) {
        return UUID.fromString(register(newCase(cpr)).statusCode(201).extract().path("id"));
    }
}
