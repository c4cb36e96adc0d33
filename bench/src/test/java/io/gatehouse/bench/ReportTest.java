package io.gatehouse.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReportTest {

    private static final Predicate<Result> POINT = r -> r.label().equals("gatehouse production sign-in");
    private static final Predicate<Result> HASH = r -> r.label().startsWith("hash ") && r.clients() == 2;

    private static Result hash(int threads, double perSecond) {
        return new Result("hash argon2id", threads, perSecond, 0, Double.NaN, 0, Double.NaN);
    }

    private static Result point(int clients, double perSecond) {
        return new Result("gatehouse production sign-in", clients, perSecond, 400, 450, 0, 25);
    }

    @Test
    void eachPointIsSetAgainstTheMeanOfTheReferencesOnBothSidesOfIt() {
        List<Result> run = List.of(hash(1, 40), hash(2, 80), point(8, 72), hash(2, 100), point(32, 81),
                hash(2, 90));

        List<Double> ratios = Report.ratiosToBracket(run, POINT, HASH);

        // 72 / mean(80, 100) and 81 / mean(100, 90); the one-thread hash is not a reference for these points.
        assertEquals(List.of(0.8, 81 / 95.0), ratios);
    }

    @Test
    void aPointWithAReferenceOnOneSideOnlyIsSetAgainstThatOne() {
        List<Result> run = List.of(point(8, 50), hash(2, 100), point(32, 60), point(8, 70));

        List<Double> ratios = Report.ratiosToBracket(run, POINT, HASH);

        // The last point's nearest reference before it lies past another point: the references are a point's
        // nearest on each side, not only its neighbours.
        assertEquals(List.of(0.5, 0.6, 0.7), ratios);
    }

    @Test
    void aRunWithoutReferencesHasNoRatios() {
        assertEquals(List.of(), Report.ratiosToBracket(List.of(point(8, 72), point(32, 81)), POINT, HASH));
    }

    private static Result trigger(String name, double serverCpuMs) {
        return new Result(TriggerBenchmark.LABEL + name, 8, 1000, 5, 20, 0, serverCpuMs);
    }

    @Test
    void aTriggersCostIsTakenRoundByRoundAgainstThePoolWithout() {
        // The rounds turn the order: none, java; then java, none; then none, java.
        List<Result> run = List.of(trigger("none", 1.0), trigger("java", 1.25), trigger("java", 1.5),
                trigger("none", 1.375), trigger("none", 1.0), trigger("java", 1.0));

        List<Double> added = Report.roundDifferences(run, trigger("java", 0), trigger("none", 0), Result::serverCpuMs);

        assertEquals(List.of(0.25, 0.125, 0.0), added);
    }
}
