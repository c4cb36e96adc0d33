package io.gatehouse.bench;

/** The benchmark's users: numbered, all with one password that every server's default policy accepts. */
final class Users {

    static final String PASSWORD = "Bench-Passw0rd!";

    private Users() {
    }

    static String name(int user) {
        return "user" + user;
    }
}
