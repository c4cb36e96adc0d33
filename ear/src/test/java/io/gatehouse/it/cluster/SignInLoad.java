package io.gatehouse.it.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.api.testing.CognitoSrpClient;
import io.gatehouse.it.cluster.CognitoHttp.Answer;
import io.gatehouse.it.cluster.CognitoHttp.Verdict;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sign-ins (USER_PASSWORD_AUTH) and refreshes (REFRESH_TOKEN_AUTH) through the balancer from a few threads, each
 * signing in one of the users in turn and refreshing the new sign-in twice (and, every fourth sign-in, confirming
 * the device it was given), until stopped or for at most a bounded time. Every answer is kept with its timing; every refresh token a sign-in handed out and every device confirmed is
 * kept, since a client that got the answer may use it, so none may be lost whatever failed afterwards.
 */
final class SignInLoad {

    /** A refresh token the load was given, and whose it is. */
    record Issued(String username, String refreshToken) {
    }

    /** A device the load confirmed (ConfirmDevice answered), remembered for its user from then on. */
    record Device(String username, String deviceKey) {
    }

    private static final Duration LONGEST = Duration.ofMinutes(2);

    private final CognitoHttp http;
    private final URI endpoint;
    private final String clientId;
    private final List<String> users;
    private final String password;
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Issued> issued = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Device> devices = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicInteger next = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();

    SignInLoad(CognitoHttp http, URI endpoint, String clientId, List<String> users, String password) {
        this.http = http;
        this.endpoint = endpoint;
        this.clientId = clientId;
        this.users = users;
        this.password = password;
    }

    SignInLoad start(int threadCount) {
        running.set(true);
        long deadline = System.nanoTime() + LONGEST.toNanos();
        for (int i = 0; i < threadCount; i++) {
            Thread thread = new Thread(() -> {
                while (running.get() && System.nanoTime() < deadline) {
                    String user = users.get(Math.floorMod(next.getAndIncrement(), users.size()));
                    Answer signedIn = record(http.signIn(endpoint, clientId, user, password));
                    if (signedIn.verdict() != Verdict.OK) {
                        pause();
                        continue;
                    }
                    String refreshToken = signedIn.result().path("RefreshToken").asText();
                    issued.add(new Issued(user, refreshToken));
                    JsonNode device = signedIn.result().path("NewDeviceMetadata");
                    if (device.isObject() && next.get() % 4 == 0) {
                        confirm(user, signedIn.result().path("AccessToken").asText(), device);
                    }
                    for (int r = 0; r < 2 && running.get(); r++) {
                        record(http.refresh(endpoint, clientId, refreshToken));
                    }
                }
            }, "sign-in-load-" + i);
            thread.start();
            threads.add(thread);
        }
        return this;
    }

    /** Stops the load and returns what it met. */
    Tally stop() throws InterruptedException {
        running.set(false);
        for (Thread t : threads) {
            t.join();
        }
        return new Tally(List.copyOf(answers));
    }

    /** What the load met so far, while it goes on. */
    Tally peek() {
        return new Tally(List.copyOf(answers));
    }

    List<Device> devices() {
        return List.copyOf(devices);
    }

    /** ConfirmDevice for the device a sign-in was given, with a verifier of a password of its own. */
    private void confirm(String user, String accessToken, JsonNode device) {
        String key = device.path("DeviceKey").asText();
        Map<String, String> verifier;
        try {
            verifier = CognitoSrpClient.deviceVerifier(device.path("DeviceGroupKey").asText(), key, "device-" + key);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Answer confirmed = record(http.call(endpoint, "ConfirmDevice", Map.of("AccessToken", accessToken,
                "DeviceKey", key, "DeviceName", "load device", "DeviceSecretVerifierConfig", Map.of(
                        "PasswordVerifier", verifier.get("PasswordVerifier"), "Salt", verifier.get("Salt")))));
        if (confirmed.verdict() == Verdict.OK) {
            devices.add(new Device(user, key));
        }
    }

    List<Issued> issued() {
        return List.copyOf(issued);
    }

    private Answer record(Answer answer) {
        answers.add(answer);
        return answer;
    }

    /** After a failed call, as a client backs off; keeps a dead cluster from being spun against. */
    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The answers of a run, counted. */
    record Tally(List<Answer> answers) {

        long requests() {
            return answers.size();
        }

        long count(Verdict verdict) {
            return answers.stream().filter(a -> a.verdict() == verdict).count();
        }

        long failed() {
            return requests() - count(Verdict.OK);
        }

        /** The failed answers by kind. */
        Map<String, Long> failures() {
            Map<String, Long> kinds = new TreeMap<>();
            answers.stream().filter(a -> a.verdict() != Verdict.OK)
                    .forEach(a -> kinds.merge(a.verdict() + " " + a.kind(), 1L, Long::sum));
            return kinds;
        }

        List<String> wrong() {
            return answers.stream().filter(a -> a.verdict() == Verdict.WRONG).map(Answer::kind).distinct().toList();
        }

        /**
         * From the start of the first failed request after {@code since} (System.nanoTime) to the end of the last
         * one: how long clients met failures; zero when none failed.
         */
        Duration failureWindow(long since) {
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            for (Answer a : answers) {
                if (a.verdict() != Verdict.OK && a.endedAt() >= since) {
                    first = Math.min(first, a.startedAt());
                    last = Math.max(last, a.endedAt());
                }
            }
            return first == Long.MAX_VALUE ? Duration.ZERO : Duration.ofNanos(last - Math.max(first, since));
        }

        /** The first success that began after {@code since}: when clients were served again. */
        Duration firstSuccessAfter(long since) {
            return answers.stream().filter(a -> a.verdict() == Verdict.OK && a.startedAt() >= since)
                    .map(a -> Duration.ofNanos(a.endedAt() - since)).min(Duration::compareTo)
                    .orElse(Duration.ofDays(1));
        }

        /**
         * The longest time after {@code since} in which no request succeeded: what clients saw of an outage, whether
         * their requests failed or waited.
         */
        Duration longestWithoutSuccess(long since) {
            long[] ends = answers.stream().filter(a -> a.verdict() == Verdict.OK && a.endedAt() >= since)
                    .mapToLong(Answer::endedAt).sorted().toArray();
            long longest = 0;
            long previous = since;
            for (long end : ends) {
                longest = Math.max(longest, end - previous);
                previous = end;
            }
            return Duration.ofNanos(longest);
        }

        /** The longest any request took, answered or failed. */
        Duration slowest() {
            return Duration.ofNanos(answers.stream().mapToLong(a -> a.endedAt() - a.startedAt()).max().orElse(0));
        }

        String summary(String phase, double seconds) {
            return String.format("[cluster] %s: %d requests in %.1f s (%.0f/s), %d ok, %d failed retryably, %d wrong;"
                            + " failures by kind: %s", phase, requests(), seconds, requests() / seconds,
                    count(Verdict.OK), count(Verdict.RETRYABLE), count(Verdict.WRONG), failures())
                    + String.format("; slowest request %d ms", slowest().toMillis());
        }
    }
}
